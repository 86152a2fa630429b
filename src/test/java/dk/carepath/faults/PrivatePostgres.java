package dk.carepath.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, the machine's PostgreSQL
 * binaries), so that a test can stop and start it for real without touching the server other tests use.
 * As root it runs the server as the {@code postgres} user, which PostgreSQL requires.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    PrivatePostgres() throws Exception {
        bin = binaries();
        port = FaultEnvironment.freePort();
        dir = Files.createTempDirectory("carepath-faults-pg");
        if (root()) {
            run("chown", "postgres", dir.toString());
        }
        runAsPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8");
    }

    void start() throws Exception {
        runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
    }

    /** A fast shutdown, as a restart does it: sessions are ended, new connections refused until start(). */
    void stop() throws Exception {
        runAsPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    String createDatabase(String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?reWriteBatchedInserts=true";
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception alreadyStopped) {
            // fine
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path binaries() throws IOException {
        Path base = Paths.get("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IllegalStateException("no PostgreSQL binaries under /usr/lib/postgresql (the fault tests restart a server of their own)");
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + base)).resolve("bin");
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void runAsPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
