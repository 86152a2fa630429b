package dk.carepath.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic morning of home monitoring, against PostgreSQL, through the HTTP API:
 * 50,000 citizens in titration send weight, pulse, blood pressure and a PRO answer (about 10 %
 * yellow, 2 % red). Half the citizens' tablets send one measurement per request (16 concurrent
 * senders), the other half's platform sends batches of 500; then the same batch rows are inserted
 * with a raw JDBC batch, the physical limit of the database, for comparison.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -DskipTests package exec:java} (see docs/benchmark.md). It
 * creates a fresh database {@code carepath_bench} on the local PostgreSQL
 * (CAREPATH_BENCH_DB_HOST/PORT/USER/PASSWORD), starts the packaged Carepath on it in a JVM of its
 * own, and prints measurements per second, p50/p99 latency and the ratios.
 */
public final class MorningBenchmark {

    static final String[] TYPES = {"WEIGHT", "PULSE", "BLOOD_PRESSURE", "PRO_QUESTIONNAIRE"};

    record Measurement(String senderId, UUID citizen, String type, String json) {
    }

    public static void main(String[] args) throws Exception {
        int citizens = Integer.parseInt(System.getProperty("bench.citizens", "50000"));
        if (citizens > 100_000) {
            throw new IllegalArgumentException("at most 100,000 citizens (the seeded CPR numbers run out)");
        }
        int senders = Integer.parseInt(System.getProperty("bench.senders", "16"));
        int batchSize = Integer.parseInt(System.getProperty("bench.batch", "500"));
        int batchSenders = Integer.parseInt(System.getProperty("bench.batchSenders", "4"));
        String host = env("CAREPATH_BENCH_DB_HOST", "127.0.0.1");
        String port = env("CAREPATH_BENCH_DB_PORT", "5432");
        String user = env("CAREPATH_BENCH_DB_USER", "postgres");
        String password = env("CAREPATH_BENCH_DB_PASSWORD", "");
        String db = "carepath_bench";

        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            admin.createStatement().execute("drop database if exists " + db + " with (force)");
            admin.createStatement().execute("create database " + db);
        }
        // the driver setting production uses too (application-postgres.yaml): a JDBC batch becomes multi-row inserts
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + db + "?reWriteBatchedInserts=true";
        System.out.printf("Carepath morning benchmark: %,d citizens x %d measurements, PostgreSQL %s%n", citizens, TYPES.length, url);
        System.out.printf("machine: %d cores, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        // Carepath runs in a JVM of its own, as in production; this JVM only sends
        int httpPort = Integer.parseInt(System.getProperty("bench.port", "18080"));
        Process app = startCarepath(url, user, password, httpPort);
        try {
            org.springframework.jdbc.datasource.DriverManagerDataSource dataSource =
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(url, user, password);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String auth = "Bearer " + issueSenderToken(httpPort);
            List<UUID> citizenIds = seed(jdbc, citizens);
            Random random = new Random(42);
            Instant morning = Instant.now().minus(Duration.ofHours(1));
            List<UUID> tablets = citizenIds.subList(0, citizens / 2);
            List<UUID> platform = citizenIds.subList(citizens / 2, citizens);
            List<Measurement> single = measurements(tablets, random, morning, "tablet-");
            List<Measurement> batched = measurements(platform, random, morning, "platform-");

            // warm-up: a server runs for days, so the figures are for compiled code (C2), warm pools and caches
            int warmup = Math.min(citizens, Integer.parseInt(System.getProperty("bench.warmup", "10000")));
            run("warm-up", measurements(citizenIds.subList(0, warmup), new Random(7), morning, "warmup-"), senders, "127.0.0.1", httpPort,
                    auth);

            // -Dbench.single=false profiles the batch path alone
            Result one = Boolean.parseBoolean(System.getProperty("bench.single", "true"))
                    ? run("single measurements (" + senders + " concurrent senders)", single, senders, "127.0.0.1", httpPort, auth)
                    : new Result(0, 0, 0, 0, 0);
            Result batch = runBatches(batched, batchSize, batchSenders, "127.0.0.1", httpPort, auth);
            double jdbcRate = rawJdbc(jdbc, url, user, password, batched, batchSize, batchSenders);
            long pending = awaitEscalations(jdbc, Duration.ofMinutes(Long.parseLong(System.getProperty("bench.drainMinutes", "10"))));

            System.out.println();
            System.out.println("=== results ===");
            System.out.printf(Locale.ROOT, "single:   %,8.0f measurements/s   p50 %6.1f ms   p99 %6.1f ms   (%,d requests, %d errors)%n",
                    one.rate(), one.p50(), one.p99(), one.requests(), one.errors());
            System.out.printf(Locale.ROOT, "batch:    %,8.0f measurements/s   p50 %6.1f ms   p99 %6.1f ms per batch of %d   (%d errors)%n",
                    batch.rate(), batch.p50(), batch.p99(), batchSize, batch.errors());
            System.out.printf(Locale.ROOT, "raw JDBC: %,8.0f rows/s (same rows, same insert, %d threads)%n", jdbcRate, batchSenders);
            System.out.printf(Locale.ROOT, "ratio:    single/JDBC %.2f   batch/JDBC %.2f%n", one.rate() / jdbcRate, batch.rate() / jdbcRate);
            Integer stored = jdbc.queryForObject("select count(*) from measurement", Integer.class);
            System.out.printf("stored: %,d measurements; colours: %s; escalations still pending: %d%n", stored,
                    jdbc.queryForList("select colour || '=' || count(*) from measurement group by colour order by colour", String.class),
                    pending);
            System.out.println("red measurement to nurse task: " + redToTask(jdbc));
            System.out.printf("targets: single >= 2,000/s at p99 < 50 ms: %s; batch >= 20,000/s: %s%n",
                    one.rate() >= 2000 && one.p99() < 50 ? "met" : "NOT met", batch.rate() >= 20000 ? "met" : "NOT met");
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** Starts target/carepath-*.jar on the benchmark database, with an admin user to issue the sender's token. */
    static Process startCarepath(String url, String user, String password, int port, String... arguments) throws Exception {
        java.io.File jar = java.util.Arrays.stream(new java.io.File("target").listFiles())
                .filter(f -> f.getName().startsWith("carepath-") && f.getName().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no target/carepath-*.jar: run ./mvnw -Pbenchmark -DskipTests package exec:java"));
        List<String> command = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx2g"));
        String jvmOptions = System.getProperty("bench.jvm", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.split(" ")));
        }
        command.addAll(List.of("-jar", jar.getPath(), "--spring.profiles.active=postgres", "--server.port=" + port,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.maximum-pool-size=24", "--server.tomcat.threads.max=64",
                "--camunda.bpm.admin-user.id=benchadmin", "--camunda.bpm.admin-user.password=benchadmin",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new java.io.File("target/benchmark-carepath.log")).start();
        HttpClient http = HttpClient.newHttpClient();
        long minutes = Long.parseLong(System.getProperty("bench.startMinutes", "3"));
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    System.out.println("Carepath is up on port " + port + " (log: target/benchmark-carepath.log)");
                    return process;
                }
            } catch (java.io.IOException e) {
                // not yet listening
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Carepath did not start; see target/benchmark-carepath.log");
            }
            Thread.sleep(1000);
        }
        process.destroy();
        throw new IllegalStateException("Carepath did not start within " + minutes + " minutes (bench.startMinutes); see target/benchmark-carepath.log");
    }

    record Result(double rate, double p50, double p99, long requests, int errors) {
    }

    static Result run(String name, List<Measurement> measurements, int threads, String host, int port, String auth)
            throws InterruptedException {
        List<byte[]> bodies = measurements.stream().map(m -> m.json().getBytes(StandardCharsets.UTF_8)).toList();
        Result result = postAll("/api/measurements", bodies, measurements.size(), threads, host, port, auth);
        System.out.printf(Locale.ROOT, "%s: %,d in %.1f s = %,.0f/s, p50 %.1f ms, p99 %.1f ms%n", name, measurements.size(),
                measurements.size() / result.rate(), result.rate(), result.p50(), result.p99());
        return result;
    }

    /**
     * Posts every body once, from {@code threads} senders with a keep-alive connection each.
     * @return measurements per second ({@code measurements} in all) and the latency per request
     */
    static Result postAll(String path, List<byte[]> bodies, int measurements, int threads, String host, int port, String auth)
            throws InterruptedException {
        ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
        long[] latencies = new long[bodies.size()];
        AtomicInteger index = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                byte[] body;
                try (Http1 http = new Http1(host, port)) {
                    while ((body = queue.poll()) != null) {
                        long t0 = System.nanoTime();
                        send(http, path, auth, body, errors);
                        latencies[index.getAndIncrement()] = System.nanoTime() - t0;
                    }
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                }
                done.countDown();
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return summary(latencies, index.get(), measurements / seconds, errors.get());
    }

    /** One request; an answer other than 200/201 (or a broken connection) counts as an error, the first few are shown. */
    static void send(Http1 http, String path, String auth, byte[] json, AtomicInteger errors) {
        StringBuilder answer = new StringBuilder();
        try {
            int status = http.post(path, auth, json, answer);
            if (status != 201 && status != 200 && errors.incrementAndGet() < 5) {
                System.out.println("error " + status + ": " + answer);
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (errors.incrementAndGet() < 5) {
                System.out.println("error: " + e);
            }
            try {
                http.close();
            } catch (java.io.IOException ignored) {
                // reconnects on the next request
            }
        }
    }

    static Result runBatches(List<Measurement> measurements, int batchSize, int threads, String host, int port, String auth)
            throws InterruptedException {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < measurements.size(); i += batchSize) {
            StringBuilder body = new StringBuilder("{\"measurements\": [");
            for (int j = i; j < Math.min(i + batchSize, measurements.size()); j++) {
                if (j > i) body.append(',');
                body.append(measurements.get(j).json());
            }
            bodies.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        Result result = postAll("/api/measurements/batch", bodies, measurements.size(), threads, host, port, auth);
        System.out.printf(Locale.ROOT, "batches of %d (%d concurrent): %,d in %.1f s = %,.0f/s, p50 %.1f ms, p99 %.1f ms per batch%n",
                batchSize, threads, measurements.size(), measurements.size() / result.rate(), result.rate(), result.p50(), result.p99());
        return result;
    }

    /** The same rows as the batch phase, inserted with the intake's own statement in raw JDBC batches. */
    static double rawJdbc(JdbcTemplate jdbc, String url, String user, String password, List<Measurement> measurements, int batchSize,
                          int threads) throws InterruptedException {
        List<Object[]> rows = jdbc.query("select id, active_citizen_id from pathway where active_citizen_id is not null",
                (rs, n) -> new Object[] {rs.getObject(1), rs.getObject(2)});
        java.util.Map<Object, Object> pathwayOf = new java.util.HashMap<>();
        rows.forEach(r -> pathwayOf.put(r[1], r[0]));
        ConcurrentLinkedQueue<List<Measurement>> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < measurements.size(); i += batchSize) {
            queue.add(measurements.subList(i, Math.min(i + batchSize, measurements.size())));
        }
        CountDownLatch done = new CountDownLatch(threads);
        AtomicInteger errors = new AtomicInteger();
        Timestamp now = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                // one held connection per thread, as a pool would give it
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement ps = c.prepareStatement("insert into measurement (source, sender_id, citizen_id, pathway_id, "
                             + "type, value1, value2, symptoms, unit, measured_at, received_at, colour, colour_reason, colour_threshold, "
                             + "threshold_set_id, escalation, escalation_attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                    c.setAutoCommit(false);
                    List<Measurement> chunk;
                    while ((chunk = queue.poll()) != null) {
                        for (Measurement m : chunk) {
                            ps.setString(1, "raw");
                            ps.setString(2, "raw-" + m.senderId());
                            ps.setObject(3, m.citizen());
                            ps.setObject(4, pathwayOf.get(m.citizen()));
                            ps.setString(5, m.type());
                            ps.setBigDecimal(6, java.math.BigDecimal.valueOf(80));
                            ps.setBigDecimal(7, null);
                            ps.setString(8, null);
                            ps.setString(9, "kg");
                            ps.setTimestamp(10, now);
                            ps.setTimestamp(11, now);
                            ps.setString(12, "GREEN");
                            ps.setString(13, "Vægt inden for grænserne");
                            ps.setString(14, "none");
                            ps.setNull(15, java.sql.Types.BIGINT);
                            ps.setString(16, "NONE");
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                } catch (java.sql.SQLException e) {
                    errors.incrementAndGet();
                    System.out.println("raw JDBC error: " + e.getMessage());
                }
                done.countDown();
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = measurements.size() / seconds;
        System.out.printf(Locale.ROOT, "raw JDBC batch insert (%d threads): %,d rows in %.1f s = %,.0f/s%s%n", threads, measurements.size(),
                seconds, rate, errors.get() == 0 ? "" : " (" + errors.get() + " errors)");
        return rate;
    }

    /** Waits for the escalations (rules, alarms, citizen mails) the morning set off, and says how fast they went. */
    static long awaitEscalations(JdbcTemplate jdbc, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long atStart = jdbc.queryForObject("select count(*) from measurement where escalation = 'PENDING'", Long.class);
        long pending = atStart;
        while (pending > 0 && System.nanoTime() - start < max.toNanos()) {
            Thread.sleep(500);
            pending = jdbc.queryForObject("select count(*) from measurement where escalation = 'PENDING'", Long.class);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = jdbc.queryForObject("select count(*) from measurement where escalation <> 'NONE'", Long.class);
        long failed = jdbc.queryForObject("select count(*) from measurement where escalation_attempts > 0", Long.class);
        System.out.printf(Locale.ROOT, "escalations: %,d in all; %,d pending after the last measurement, %s %.1f s later (%,.0f/s meanwhile);"
                        + " %,d failed at least once (see target/benchmark-carepath.log)%n",
                total, atStart, pending == 0 ? "all done" : String.format(Locale.ROOT, "%,d still pending", pending), seconds,
                (atStart - pending) / Math.max(seconds, 0.001), failed);
        return pending;
    }

    /** From a red measurement's arrival to its alarm and nurse task, which escalate ahead of yellow. */
    static String redToTask(JdbcTemplate jdbc) {
        List<Double> millis = jdbc.queryForList("""
                select extract(epoch from (a.raised_at - m.received_at)) * 1000
                  from pathway_alarm a join measurement m on m.id = a.measurement_id
                 where a.kind = 'MEASUREMENT_RED' order by 1""", Double.class);
        if (millis.isEmpty()) {
            return "no red alarms";
        }
        return String.format(Locale.ROOT, "%,d red alarms, p50 %.0f ms, p99 %.0f ms, max %.0f ms", millis.size(),
                millis.get(millis.size() / 2), millis.get(Math.min(millis.size() - 1, (int) (millis.size() * 0.99))),
                millis.get(millis.size() - 1));
    }

    static Result summary(long[] latencies, int n, double rate, int errors) {
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(rate, sorted[(int) (n * 0.50)] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, n, errors);
    }

    /** Weight, pulse, blood pressure and a PRO answer per citizen: ~88 % green, ~10 % yellow, ~2 % red. */
    static List<Measurement> measurements(List<UUID> citizens, Random random, Instant morning, String prefix) {
        List<Measurement> all = new ArrayList<>();
        for (UUID citizen : citizens) {
            for (String type : TYPES) {
                double roll = random.nextDouble();
                String colour = roll < 0.02 ? "RED" : roll < 0.12 ? "YELLOW" : "GREEN";
                String id = prefix + citizen + "-" + type;
                String at = morning.plusSeconds(random.nextInt(3600)).toString();
                String value = switch (type) {
                    // tenths as integers first: 79.6 + 0.1 would be sent as 79.69999999999999, which the intake refuses (2 decimals)
                    case "WEIGHT" -> "\"value\": " + (colour.equals("RED") ? 83.4 : colour.equals("YELLOW") ? 82.3 : (796 + random.nextInt(30)) / 10.0)
                            + ", \"unit\": \"kg\"";
                    case "PULSE" -> "\"value\": " + (colour.equals("RED") ? 104 : colour.equals("YELLOW") ? 93 : 55 + random.nextInt(30))
                            + ", \"unit\": \"/min\"";
                    case "BLOOD_PRESSURE" -> "\"systolic\": " + (colour.equals("RED") ? 165 : colour.equals("YELLOW") ? 145 : 110 + random.nextInt(25))
                            + ", \"diastolic\": " + (70 + random.nextInt(15)) + ", \"unit\": \"mm[Hg]\"";
                    default -> "\"nyhaClass\": " + (colour.equals("RED") ? 4 : colour.equals("YELLOW") ? 3 : 1 + random.nextInt(2));
                };
                all.add(new Measurement(id, citizen, type, "{\"senderId\": \"" + id + "\", \"citizenId\": \"" + citizen + "\", \"type\": \""
                        + type + "\", " + value + ", \"measuredAt\": \"" + at + "\"}"));
            }
        }
        return all;
    }

    /** Citizens in titration with plans and thresholds (blood pressure too), written straight to the database. */
    static List<UUID> seed(JdbcTemplate jdbc, int n) {
        long t0 = System.nanoTime();
        jdbc.update("insert into organisation (id, kind, name, region, mail_address, version) values "
                + "('bench-clinic', 'CLINIC', 'Benchmarkklinikken', 'MIDT', 'klinik@bench.example.dk', 0), "
                + "('bench-kommune', 'MUNICIPALITY', 'Benchmarkkommune', 'MIDT', 'kommune@bench.example.dk', 0)");
        List<UUID> citizens = new ArrayList<>();
        List<Object[]> citizenRows = new ArrayList<>();
        List<Object[]> pathwayRows = new ArrayList<>();
        List<Object[]> planRows = new ArrayList<>();
        List<Object[]> measurementRows = new ArrayList<>();
        List<Object[]> thresholdRows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        // monitoring began today: this morning's measurements are the first, so no deadline has passed yet and the
        // missing-measurement monitor (first run a minute after start) has nothing to raise while intake is measured
        Timestamp since = Timestamp.from(Instant.now().minus(Duration.ofHours(2)));
        for (int i = 0; i < n; i++) {
            UUID citizen = UUID.randomUUID();
            UUID pathway = UUID.randomUUID();
            UUID plan = UUID.randomUUID();
            citizens.add(citizen);
            // born 1930-1998, seventh digit 0-3 (born in the 1900s): valid and unique for up to 100,000 citizens
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i % 25_000);
            String cpr = String.format("%02d%02d%02d%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                    i / 25_000 * 1000 + i % 1000);
            citizenRows.add(new Object[] {citizen, cpr + "", "Benchmark Borger " + i, "bench-kommune", now});
            pathwayRows.add(new Object[] {pathway, citizen, citizen, "bench-clinic", now, now, since});
            planRows.add(new Object[] {plan, pathway, now});
            for (String type : new String[] {"WEIGHT", "PULSE", "BLOOD_PRESSURE", "PRO_QUESTIONNAIRE"}) {
                measurementRows.add(new Object[] {plan, type, type.equals("PRO_QUESTIONNAIRE") ? "WEEKLY" : "DAILY"});
            }
            thresholdRows.add(new Object[] {plan, now});
        }
        jdbc.batchUpdate("insert into citizen (id, cpr, name, municipality_id, created_at, version) values (?, ?, ?, ?, ?, 0)", citizenRows);
        jdbc.batchUpdate("insert into pathway (id, citizen_id, active_citizen_id, region, clinic_id, phase, treatment_responsible, "
                + "monitoring_responsible, municipal_course_active, extended, reassessment_overdue, created_at, updated_at, monitoring_since, version) "
                + "values (?, ?, ?, 'MIDT', ?, 'TITRATION', 'CLINIC', 'CLINIC', false, false, false, ?, ?, ?, 0)", pathwayRows);
        jdbc.batchUpdate("insert into monitoring_plan (id, pathway_id, measurement_time, reference_weight_kg, startup_days, review_interval_days, "
                + "reassessment_interval_weeks, expected_end_date, set_by, updated_at, version) "
                + "values (?, ?, '08:00', 80.0, 14, 7, 10, current_date + 180, 'bench', ?, 0)", planRows);
        jdbc.batchUpdate("insert into plan_measurement (plan_id, measurement_type, frequency) values (?, ?, ?)", measurementRows);
        jdbc.batchUpdate("insert into threshold_set (plan_id, valid_from, set_by, reason) values (?, ?, 'bench', 'benchmark')", thresholdRows);
        thresholdValues(jdbc, "bench");
        jdbc.execute("analyze");
        System.out.printf(Locale.ROOT, "seeded %,d citizens in titration in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return citizens;
    }

    /** Every threshold set of {@code setBy} gets the guideline's thresholds and a blood pressure's, by name (threshold_value). */
    static void thresholdValues(JdbcTemplate jdbc, String setBy) {
        StringBuilder values = new StringBuilder();
        Map<String, Number> bench = new java.util.LinkedHashMap<>(Map.of("pulseRedHigh", 100, "pulseYellowHigh", 90, "pulseYellowLow", 45,
                "pulseRedLow", 40, "weightRedHigh", 3, "weightYellowHigh", 2, "weightYellowLow", -2, "weightRedLow", -3));
        bench.putAll(Map.of("systolicRedHigh", 160, "systolicYellowHigh", 140, "systolicYellowLow", 100, "systolicRedLow", 90,
                "diastolicRedHigh", 100, "diastolicYellowHigh", 90, "diastolicYellowLow", 60, "diastolicRedLow", 50));
        bench.forEach((name, value) -> values.append(values.isEmpty() ? "" : " union all ")
                .append("select ts.id, '").append(name).append("', ").append(value).append(" from threshold_set ts where ts.set_by = '")
                .append(setBy).append("'"));
        jdbc.execute("insert into threshold_value (threshold_set_id, name, amount) " + values);
    }

    /**
     * The sending platform, an API client issued through the Carepath API as an administrator would;
     * its token, which the senders send as {@code Authorization: Bearer}.
     */
    static String issueSenderToken(int port) throws Exception {
        return issueSenderToken(port, "bench");
    }

    static String issueSenderToken(int port, String clientId) throws Exception {
        String admin = "Basic " + Base64.getEncoder().encodeToString("benchadmin:benchadmin".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients")).header("Authorization", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + clientId + "\", \"name\": \"Benchmark platform\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the benchmark sender failed: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("token").asText();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * A lean HTTP/1.1 keep-alive connection, one per sender thread. The JDK HttpClient costs several
     * times the server's own CPU per request; on a 2-core machine where client and server share the
     * cores it would measure the client (wrk confirms the server figures).
     */
    static final class Http1 implements AutoCloseable {
        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        Http1(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** Sends a POST and returns the status code; the body is read into {@code body} (may be null). */
        int post(String path, String auth, byte[] json, StringBuilder body) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 65536);
            }
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    received.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                received.write(in.readNBytes(length));
            }
            if (body != null) {
                body.append(received.toString(StandardCharsets.UTF_8));
            }
            if (close) {
                close();
            }
            return code;
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    private MorningBenchmark() {
    }
}
