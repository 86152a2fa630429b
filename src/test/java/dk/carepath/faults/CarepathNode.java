package dk.carepath.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Carepath process (the packaged jar, demo profile) on a database of the test's choosing: started,
 * killed with SIGKILL, stopped and restarted as a real node would be. Its log goes to
 * {@code target/fault-tests/<name>.log}.
 */
final class CarepathNode implements AutoCloseable {

    static final String TABLET = "Bearer demo";
    static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

    private final String name;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    CarepathNode(String name, String jdbcUrl, int smtpPort, String... extra) throws IOException {
        this.name = name;
        this.port = FaultEnvironment.freePort();
        this.log = FaultEnvironment.logs().resolve(name + ".log");
        Files.deleteIfExists(log);
        arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + FaultEnvironment.user(),
                "--spring.datasource.password=" + FaultEnvironment.password(),
                "--spring.mail.port=" + smtpPort,
                "--carepath.mail.outbox-poll-interval=PT1S",
                "--carepath.mail.first-retry=PT1S",
                "--carepath.mail.max-retry-interval=PT5S",
                "--carepath.mail.max-attempts=1000",
                "--carepath.measurement.escalation-retry-interval=PT2S",
                // each node names itself in Camunda's job log, so a test sees which node fired a timer
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--logging.level.dk.carepath=info"));
        arguments.addAll(List.of(extra));
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", FaultEnvironment.jar().toString()));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Until the node accepts traffic (after its start-up work, the demo data included). */
    void awaitReady(Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, as a crashed machine. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    HttpResponse<String> post(String path, String json, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
