package dk.carepath.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepath.demo.*}: on only in the embedded default profile. {@code extra-monitored-citizens}
 * adds that many citizens in titration besides the demo's own (for load and fault tests: each has an
 * e-mail address, so its yellow and red measurements send advice mails).
 */
@ConfigurationProperties("carepath.demo")
record DemoProperties(boolean enabled, String password, int extraMonitoredCitizens) {
}
