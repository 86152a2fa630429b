package dk.carepath.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Where the fault tests run: the PostgreSQL server of {@code CAREPATH_TEST_DB_URL} (each test gets a
 * database of its own on it) and Carepath's packaged jar, started as separate processes that the tests
 * kill, restart and run side by side.
 */
final class FaultEnvironment {

    private FaultEnvironment() {
    }

    /** host:port of the test PostgreSQL server */
    static String server() {
        String url = System.getenv("CAREPATH_TEST_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("the fault tests need CAREPATH_TEST_DB_URL pointing at PostgreSQL (.ci/run sets it)");
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    static String user() {
        String user = System.getenv("CAREPATH_TEST_DB_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    static String password() {
        String password = System.getenv("CAREPATH_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    /** A fresh database on the test server, dropped first if a former run left it. */
    static String newDatabase(String name) throws SQLException {
        String db = name + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server() + "/postgres", user(), password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db);
            s.execute("create database " + db);
        }
        return "jdbc:postgresql://" + server() + "/" + db + "?reWriteBatchedInserts=true";
    }

    /** Drops a database {@link #newDatabase} made (its nodes stopped), so runs leave nothing behind. */
    static void dropDatabase(String jdbcUrl) {
        String db = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server() + "/postgres", user(), password());
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop " + db + ": " + e.getMessage());
        }
    }

    /** A real SMTP server (GreenMail) on that port, not yet started; its INFO line per recipient silenced. */
    static com.icegreen.greenmail.util.GreenMail mailServer(int port) {
        if (org.slf4j.LoggerFactory.getLogger("com.icegreen") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        return new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
    }

    static Path jar() throws IOException {
        String configured = System.getProperty("carepath.jar");
        if (configured != null && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured);
        }
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("carepath-.*\\.jar") && !p.toString().endsWith("-plain.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run ./mvnw verify"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path logs() throws IOException {
        return Files.createDirectories(Paths.get("target", "fault-tests"));
    }
}
