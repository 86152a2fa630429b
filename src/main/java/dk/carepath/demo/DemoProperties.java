package dk.carepath.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code carepath.demo.*}: on only in the embedded default profile. */
@ConfigurationProperties("carepath.demo")
record DemoProperties(boolean enabled, String password) {
}
