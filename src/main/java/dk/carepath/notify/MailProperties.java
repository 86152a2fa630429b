package dk.carepath.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code carepath.mail.*} */
@ConfigurationProperties("carepath.mail")
record MailProperties(String from, Duration outboxPollInterval, int maxAttempts, Duration firstRetry) {

    MailProperties {
        if (firstRetry == null) {
            firstRetry = Duration.ofSeconds(10);
        }
    }
}
