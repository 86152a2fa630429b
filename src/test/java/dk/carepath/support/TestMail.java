package dk.carepath.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real SMTP server of the tests: one GreenMail for the whole test run on port 3025 (or
 * CAREPATH_TEST_SMTP_PORT), where the test profile sends mail. Tests find their own mails by recipient and content, so they do not
 * disturb each other.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port(), null, ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** the port the test profile sends mail to: CAREPATH_TEST_SMTP_PORT, default 3025 */
    static int port() {
        String port = System.getenv("CAREPATH_TEST_SMTP_PORT");
        return port == null || port.isBlank() ? 3025 : Integer.parseInt(port);
    }

    public static synchronized void stop() {
        server().stop();
    }

    public static synchronized void restart() {
        server = null;
        server();
    }

    /** Waits until mails matching the filter arrived, and returns them. */
    public static List<MimeMessage> await(Predicate<MimeMessage> filter, int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found;
        do {
            found = Arrays.stream(server().getReceivedMessages()).filter(filter).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep();
        } while (System.nanoTime() < end);
        throw new AssertionError("expected " + count + " mails, got " + found.size() + " within " + timeout);
    }

    public static List<MimeMessage> all(Predicate<MimeMessage> filter) {
        return Arrays.stream(server().getReceivedMessages()).filter(filter).toList();
    }

    public static Predicate<MimeMessage> to(String address) {
        return m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        };
    }

    public static Predicate<MimeMessage> containing(String text) {
        return m -> body(m).contains(text);
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
