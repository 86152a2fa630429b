package dk.carepath.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code carepath.mail.*}; a failed mail is retried after first-retry, then at doubling intervals up to max-retry-interval. */
@ConfigurationProperties("carepath.mail")
record MailProperties(String from, Duration outboxPollInterval, int maxAttempts, Duration firstRetry, Duration maxRetryInterval) {

    MailProperties {
        if (firstRetry == null) {
            firstRetry = Duration.ofSeconds(10);
        }
        if (maxRetryInterval == null) {
            maxRetryInterval = Duration.ofHours(1);
        }
    }
}
