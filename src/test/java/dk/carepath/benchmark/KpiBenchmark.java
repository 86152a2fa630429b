package dk.carepath.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The managers' KPIs on real volumes (issue 12 item 5), against PostgreSQL, through the HTTP API:
 * 25,000 pathways with a year of history and 10,000,000 measurements, seeded with SQL; then every
 * KPI ({@code /api/kpis/{id}}) and the dashboard page ({@code /kpi}), as a region's and a
 * municipality's manager, for the default period and a year, warm: p50 and max each. Last, the
 * measurement intake alone and beside managers requesting the dashboard continuously, in
 * alternating rounds of the same run, and the ratio.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark -DskipTests package exec:java -Dbench.main=KpiBenchmark}
 * (docs/benchmark.md). Reuses the morning benchmark's machinery: the packaged Carepath in a JVM of its
 * own, the API client's token, the keep-alive HTTP/1.1 senders and their measurements.
 */
public final class KpiBenchmark {

    static final String ZONE = "Europe/Copenhagen";
    static final String REGION_MANAGER = "kpibenchregion";
    static final String MUNICIPAL_MANAGER = "kpibenchkommune";
    static final String PASSWORD = "kpibench";
    /** counts the uncached requests, whose periods are moved back by days so that Carepath's KPI cache does not have them */
    static final AtomicInteger SHIFT = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int pathways = Integer.parseInt(System.getProperty("bench.pathways", "25000"));
        if (pathways > 100_000) {
            throw new IllegalArgumentException("at most 100,000 pathways (the seeded CPR numbers run out)");
        }
        long measurements = Long.parseLong(System.getProperty("bench.measurements", "10000000"));
        int samples = Integer.parseInt(System.getProperty("bench.samples", "5"));
        int intakeSeconds = Integer.parseInt(System.getProperty("bench.intakeSeconds", "30"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "2"));
        int senders = Integer.parseInt(System.getProperty("bench.senders", "16"));
        int managers = Integer.parseInt(System.getProperty("bench.managers", "2"));
        long thinkMillis = Long.parseLong(System.getProperty("bench.thinkMillis", "0"));
        boolean reuse = Boolean.parseBoolean(System.getProperty("bench.reuse", "false"));
        boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", "false"));
        String host = MorningBenchmark.env("CAREPATH_BENCH_DB_HOST", "127.0.0.1");
        String port = MorningBenchmark.env("CAREPATH_BENCH_DB_PORT", "5432");
        String user = MorningBenchmark.env("CAREPATH_BENCH_DB_USER", "postgres");
        String password = MorningBenchmark.env("CAREPATH_BENCH_DB_PASSWORD", "");
        String db = System.getProperty("bench.db", "carepath_kpi_bench");
        int httpPort = Integer.parseInt(System.getProperty("bench.port", "18081"));
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + db + "?reWriteBatchedInserts=true";
        System.out.printf("Carepath KPI benchmark: %,d pathways, %,d measurements, PostgreSQL %s%n", pathways, measurements, url);
        System.out.printf("machine: %d cores, %.0f GiB, java %s%n", Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / 1024.0 / 1024 / 1024, System.getProperty("java.version"));

        if (!reuse) {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
                admin.createStatement().execute("create database " + db);
            }
            // Carepath creates the schema (Flyway, Camunda), then stops: the history is seeded with nothing running on it
            Process schema = MorningBenchmark.startCarepath(url, user, password, httpPort);
            schema.destroy();
            schema.waitFor();
            SingleConnectionDataSource seeding = new SingleConnectionDataSource(url, user, password, true);
            try {
                seed(new JdbcTemplate(seeding), pathways, measurements);
            } finally {
                seeding.destroy();
            }
            if (Boolean.parseBoolean(System.getProperty("bench.seedOnly", "false"))) {
                System.out.println("seeded " + db + " (kept; measure it with -Dbench.reuse=true)");
                return;
            }
        }
        // the missing-measurement monitor would raise alarms for the seeded gaps while intake is measured
        Process app = MorningBenchmark.startCarepath(url, user, password, httpPort,
                "--carepath.measurement.missing-check-interval=PT24H");
        try {
            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, user, password));
            System.out.printf("database: %,d pathways, %,d measurements, %,d journal rows, %,d task history rows, %,d variables, %s%n",
                    count(jdbc, "pathway"), count(jdbc, "measurement"), count(jdbc, "pathway_journal"), count(jdbc, "ACT_HI_TASKINST"),
                    count(jdbc, "ACT_HI_VARINST"), jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class));
            String base = "http://127.0.0.1:" + httpPort;
            createManagers(base);
            Manager region = new Manager(base, REGION_MANAGER);
            Manager municipality = new Manager(base, MUNICIPAL_MANAGER);
            // the KPIs as Carepath lists them (GET /api/kpis), so a new one cannot be left out of the benchmark
            List<String> kpis = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(region.get("/api/kpis")).path("kpis")
                    .forEach(k -> kpis.add(k.path("id").asText()));
            System.out.println("KPIs (" + kpis.size() + "): " + String.join(", ", kpis));
            List<String> periods = List.of("12 weeks", "year");

            // warm-up: compiled code, warm pools and PostgreSQL's cache, as in a server that has run for days
            for (int i = 0; i < Integer.parseInt(System.getProperty("bench.warmup", "3")); i++) {
                for (Manager m : List.of(region, municipality)) {
                    for (String period : periods) {
                        m.get("/kpi?" + period(period, true));
                        for (String kpi : kpis) {
                            m.get("/api/kpis/" + kpi + "?" + period(period, true));
                        }
                    }
                }
            }
            System.out.println();
            System.out.println("=== KPI answers, warm (" + samples + " requests each): computed (a period not asked before, so not in "
                    + "Carepath's KPI cache) and cached (the same period again within the cache's minute) ===");
            System.out.printf("%-28s %-8s %-8s %12s %12s  %-5s %12s %12s  %s%n", "answer", "manager", "period", "computed p50",
                    "computed max", "< 1 s", "cached p50", "cached max", "< 1 s");
            List<String> slow = new ArrayList<>();
            List<String> slowCached = new ArrayList<>();
            double worst = 0;
            double worstCached = 0;
            List<String> answers = new ArrayList<>(kpis.stream().map(k -> "/api/kpis/" + k).toList());
            answers.add("/kpi");
            answers.add("/api/kpis");
            for (String path : answers) {
                for (Manager m : List.of(region, municipality)) {
                    for (String period : periods) {
                        long[] computed = new long[samples];
                        long[] cached = new long[samples];
                        String same = period(period, false);
                        m.get(path + "?" + same); // now in the cache
                        for (int i = 0; i < samples; i++) {
                            computed[i] = time(m, path + "?" + period(period, true));
                            cached[i] = time(m, path + "?" + same);
                        }
                        java.util.Arrays.sort(computed);
                        java.util.Arrays.sort(cached);
                        double max = computed[samples - 1] / 1e6;
                        double maxCached = cached[samples - 1] / 1e6;
                        worst = Math.max(worst, max);
                        worstCached = Math.max(worstCached, maxCached);
                        String name = path.equals("/kpi") ? "dashboard page /kpi" : path.equals("/api/kpis") ? "all KPIs /api/kpis"
                                : path.substring("/api/kpis/".length());
                        if (max >= 1000) {
                            slow.add(name + " (" + m.name() + ", " + period + ")");
                        }
                        if (maxCached >= 1000) {
                            slowCached.add(name + " (" + m.name() + ", " + period + ")");
                        }
                        System.out.printf(Locale.ROOT, "%-28s %-8s %-8s %12.1f %12.1f  %-5s %12.1f %12.1f  %s%n", name, m.name(), period,
                                computed[samples / 2] / 1e6, max, max < 1000 ? "yes" : "NO", cached[samples / 2] / 1e6, maxCached,
                                maxCached < 1000 ? "yes" : "NO");
                    }
                }
            }

            System.out.println();
            System.out.println("=== intake alone and beside " + managers + " managers requesting the dashboard (" + intakeSeconds
                    + " s each, " + senders + " senders, think time " + thinkMillis + " ms) ===");
            List<UUID> citizens = jdbc.queryForList("select citizen_id from pathway where active_citizen_id is not null "
                    + "and phase in ('STARTUP_MONITORING', 'TITRATION') order by citizen_id", UUID.class);
            String auth = "Bearer " + MorningBenchmark.issueSenderToken(httpPort, "kpibench-" + System.currentTimeMillis());
            intake("warm-up", citizens, senders, Math.max(10, intakeSeconds / 2), httpPort, auth, List.of(), 0, kpis, false);
            double alone = 0;
            double beside = 0;
            double besideComputing = 0;
            for (int round = 1; round <= rounds; round++) {
                Intake a = intake("alone  " + round, citizens, senders, intakeSeconds, httpPort, auth, List.of(), 0, kpis, false);
                List<Manager> load = new ArrayList<>();
                for (int i = 0; i < managers; i++) {
                    load.add(i % 2 == 0 ? new Manager(base, REGION_MANAGER) : new Manager(base, MUNICIPAL_MANAGER));
                }
                Intake w = intake("beside " + round + " (the managers' periods: the default and the year)", citizens, senders, intakeSeconds,
                        httpPort, auth, load, thinkMillis, kpis, false);
                Intake c = intake("beside " + round + " (every request a new period: computed)", citizens, senders, intakeSeconds, httpPort,
                        auth, load, thinkMillis, kpis, true);
                alone += a.rate();
                beside += w.rate();
                besideComputing += c.rate();
            }
            // what the roll-ups' triggers cost the intake: alone with them off (the roll-ups fall behind; nothing is asked after), then on
            double off = 0;
            double on = 0;
            int triggerRounds = Integer.parseInt(System.getProperty("bench.triggerRounds", "1"));
            boolean triggers = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from pg_trigger where tgname = 'kpi_measurements_inserted')", Boolean.class));
            for (int round = 1; triggers && round <= triggerRounds; round++) {
                jdbc.execute("alter table measurement disable trigger kpi_measurements_inserted");
                off += intake("alone, roll-up trigger off " + round, citizens, senders, intakeSeconds, httpPort, auth, List.of(), 0, kpis, false).rate();
                jdbc.execute("alter table measurement enable trigger kpi_measurements_inserted");
                on += intake("alone, roll-up trigger on  " + round, citizens, senders, intakeSeconds, httpPort, auth, List.of(), 0, kpis, false).rate();
            }
            System.out.println();
            System.out.println("=== results ===");
            System.out.printf(Locale.ROOT, "KPI answers computed: slowest max %.0f ms; %s%n", worst,
                    slow.isEmpty() ? "every answer < 1 s" : "NOT < 1 s: " + String.join(", ", slow));
            System.out.printf(Locale.ROOT, "KPI answers cached: slowest max %.0f ms; %s%n", worstCached,
                    slowCached.isEmpty() ? "every answer < 1 s" : "NOT < 1 s: " + String.join(", ", slowCached));
            System.out.printf(Locale.ROOT, "intake: alone %,.0f measurements/s, beside the dashboard %,.0f/s: ratio %.2f, slowdown %.1f %% (target <= 10 %%): %s%n",
                    alone / rounds, beside / rounds, beside / alone, 100 * (1 - beside / alone), beside / alone >= 0.9 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "intake beside managers whose every request is computed (no cache): %,.0f/s: ratio %.2f, slowdown %.1f %%%n",
                    besideComputing / rounds, besideComputing / alone, 100 * (1 - besideComputing / alone));
            if (triggers && triggerRounds > 0) {
                System.out.printf(Locale.ROOT, "roll-up trigger: intake without it %,.0f/s, with it %,.0f/s: cost %.1f %%%n", off / triggerRounds,
                        on / triggerRounds, 100 * (1 - on / off));
            }
        } finally {
            app.destroy();
            app.waitFor();
            if (!keep) {
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
                    admin.createStatement().execute("drop database if exists " + db + " with (force)");
                }
            }
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    record Intake(double rate, int errors) {
    }

    /**
     * Single measurements for {@code seconds} from {@code senders} keep-alive connections (as the morning
     * benchmark's tablets send them), while the managers, if any, request the dashboard and the year's
     * KPIs one after the other.
     */
    static Intake intake(String name, List<UUID> citizens, int senders, int seconds, int port, String auth, List<Manager> managers,
                         long thinkMillis, List<String> kpis, boolean computed) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        Instant morning = Instant.now().minus(Duration.ofHours(1));
        for (int t = 0; t < senders; t++) {
            threads.add(new Thread(() -> {
                Random random = new Random(serial.incrementAndGet());
                try (MorningBenchmark.Http1 http = new MorningBenchmark.Http1("127.0.0.1", port)) {
                    while (running.get()) {
                        UUID citizen = citizens.get(random.nextInt(citizens.size()));
                        MorningBenchmark.Measurement m = MorningBenchmark.measurements(List.of(citizen), random, morning,
                                "kpib-" + serial.incrementAndGet() + "-").get(random.nextInt(MorningBenchmark.TYPES.length));
                        long t0 = System.nanoTime();
                        MorningBenchmark.send(http, "/api/measurements", auth, m.json().getBytes(StandardCharsets.UTF_8), errors);
                        if (running.get()) {
                            latencies.add(System.nanoTime() - t0);
                            sent.incrementAndGet();
                        }
                    }
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Manager manager : managers) {
            threads.add(new Thread(() -> {
                int i = ThreadLocalRandom.current().nextInt(kpis.size());
                while (running.get()) {
                    // the dashboard, then one KPI for the year: what a manager clicks through
                    String path = i % 2 == 0 ? "/kpi?" + period("12 weeks", computed)
                            : "/api/kpis/" + kpis.get(i / 2 % kpis.size()) + "?" + period("year", computed);
                    i++;
                    long t0 = System.nanoTime();
                    try {
                        manager.get(path);
                        pages.add(System.nanoTime() - t0);
                        if (thinkMillis > 0) {
                            Thread.sleep(thinkMillis);
                        }
                    } catch (Exception e) {
                        if (running.get()) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long done = sent.get();
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] pageTimes = pages.stream().mapToLong(Long::longValue).sorted().toArray();
        double rate = done / elapsed;
        System.out.printf(Locale.ROOT, "%s: %,d measurements in %.1f s = %,.0f/s, p50 %.1f ms, p99 %.1f ms%s%s%n", name, done, elapsed, rate,
                percentile(sorted, 0.5), percentile(sorted, 0.99),
                managers.isEmpty() ? "" : String.format(Locale.ROOT, "; %d manager requests, p50 %.0f ms, max %.0f ms", pageTimes.length,
                        percentile(pageTimes, 0.5), percentile(pageTimes, 1.0)),
                errors.get() == 0 ? "" : " (" + errors.get() + " errors)");
        return new Intake(rate, errors.get());
    }

    /**
     * The query of a period ("12 weeks", the default, or "year") ending today, or with {@code fresh} moved back by days
     * that no request of the last minute asked: an answer Carepath has to compute, not one from its cache.
     */
    static String period(String period, boolean fresh) {
        // 1–90 days back: the same answer and period come again only after 90 requests, well after the cache's minute
        LocalDate to = LocalDate.now(ZoneId.of(ZONE)).minusDays(fresh ? SHIFT.incrementAndGet() % 90 + 1 : 0);
        return "from=" + to.minusDays(period.equals("year") ? 365 : 83) + "&to=" + to;
    }

    private static long time(Manager m, String path) throws Exception {
        long t0 = System.nanoTime();
        m.get(path);
        return System.nanoTime() - t0;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** A manager: HTTP Basic for the API, a logged-in session (the login form) for the dashboard page. */
    static final class Manager {
        private final String base;
        private final String user;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String basic;

        Manager(String base, String user) throws Exception {
            this.base = base;
            this.user = user;
            this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
            String token = csrf.find() ? csrf.group(1) : "";
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login of " + user + " failed: " + login.statusCode() + " " + login.headers().map());
            }
        }

        String name() {
            return user.equals(REGION_MANAGER) ? "region" : "kommune";
        }

        /** GET; the API by HTTP Basic, the pages in the session; anything but 200 fails the benchmark */
        String get(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (path.startsWith("/api/")) {
                request.header("Authorization", basic);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " as " + user + ": " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        }
    }

    /** The region's manager and municipality 01's, through Camunda's REST API as the administrator. */
    static void createManagers(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Basic " + Base64.getEncoder().encodeToString("benchadmin:benchadmin".getBytes(StandardCharsets.UTF_8));
        for (String[] manager : List.of(new String[] {REGION_MANAGER, "bench-region"}, new String[] {MUNICIPAL_MANAGER, "bench-kommune-01"})) {
            String group = manager[1] + ".manager";
            post(http, admin, base + "/engine-rest/user/create", "{\"profile\": {\"id\": \"" + manager[0] + "\", \"firstName\": \"Leder\", "
                    + "\"lastName\": \"" + manager[1] + "\"}, \"credentials\": {\"password\": \"" + PASSWORD + "\"}}");
            post(http, admin, base + "/engine-rest/group/create", "{\"id\": \"" + group + "\", \"name\": \"" + manager[1]
                    + " – Ledere\", \"type\": \"WORKFLOW\"}");
            http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/group/" + group + "/members/" + manager[0]))
                    .header("Authorization", admin).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void post(HttpClient http, String auth, String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !response.body().contains("already exists")) {
            System.out.println("note: POST " + url + ": " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * A year of history, straight into the tables (SQL {@code generate_series}, foreign keys and
     * triggers off while seeding, the KPI roll-ups rebuilt after): one pathway per citizen, started
     * evenly over the last 14 months, 10 % rejected, the rest included, kit installed, start-up
     * monitoring, titration after 14 days, discharge after 150–240 days; weight, pulse and blood
     * pressure daily and a PRO answer weekly (as many as {@code measurements}, about 88 % green, 10 %
     * yellow, 2 % red, 0.1 % retracted), red-review tasks, reassessments every 10 weeks, calls and
     * call-backs, kit faults, missing-measurement alarms, pauses, readmissions and handovers.
     */
    static void seed(JdbcTemplate jdbc, int pathways, long measurements) {
        long t0 = System.nanoTime();
        String z = "'" + ZONE + "'";
        jdbc.execute("set session_replication_role = replica");
        jdbc.execute("select setseed(0.42)");
        // in region MIDT, whose region pack (opening hours, deadlines) the intake's escalations need; the region's own
        // organisations have no pathways here, so the bench region's manager sees just the seeded ones
        StringBuilder orgs = new StringBuilder("('bench-region', 'REGION', 'Benchmarkregionen'), ('bench-servicecenter', 'SERVICE_CENTER', "
                + "'Benchmark-servicecentret'), ('bench-gp', 'GP_PRACTICE', 'Benchmarklægerne')");
        for (int c = 1; c <= 4; c++) {
            orgs.append(", ('bench-clinic-").append(c).append("', 'CLINIC', 'Benchmarkklinik ").append(c).append("')");
        }
        for (int m = 1; m <= 10; m++) {
            orgs.append(String.format(", ('bench-kommune-%02d', 'MUNICIPALITY', 'Benchmarkkommune %d')", m, m));
        }
        jdbc.execute("insert into organisation (id, kind, name, region, mail_address, version) select id, kind, name, 'MIDT', "
                + "id || '@bench.example.dk', 0 from (values " + orgs + ") o(id, kind, name)");

        // each pathway's life: when each step happened (null: not yet)
        jdbc.execute("create temp table bench_life as select i, md5('bench-citizen-' || i)::uuid citizen_id, "
                + "md5('bench-pathway-' || i)::uuid pathway_id, 'bench-kommune-' || lpad((i % 10 + 1)::text, 2, '0') municipality, "
                + "'bench-clinic-' || (i % 4 + 1) clinic, created, r1 < 0.1 rejected, created + interval '1 hour' * (24 + r2 * 144) decided, "
                + "r3, r4, r5, r6, r7 from (select i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, "
                + "random() r7, now() - interval '1 day' * (random() * 420) created from generate_series(1, " + pathways + ") i) b");
        jdbc.execute("alter table bench_life add column kit_at timestamptz, add column startup_at timestamptz, "
                + "add column titration_at timestamptz, add column discharging_at timestamptz, add column ended_at timestamptz, "
                + "add column handover_at timestamptz, add column paused_at timestamptz, add column readmitted_at timestamptz, "
                + "add column startup_date date, add column days integer");
        jdbc.execute("update bench_life set kit_at = case when not rejected then decided + interval '1 hour' * (24 + r3 * 72) end");
        jdbc.execute("update bench_life set startup_at = kit_at + interval '1 hour' * (2 + r3 * 4), "
                + "titration_at = kit_at + interval '1 hour' * (2 + r3 * 4) + interval '14 days', "
                + "discharging_at = kit_at + interval '1 day' * (150 + r4 * 90), "
                + "ended_at = case when rejected then decided else kit_at + interval '1 day' * (153 + r4 * 90) end, "
                + "handover_at = case when r6 < 0.2 then kit_at + interval '44 days' end, "
                + "paused_at = case when r7 < 0.1 then kit_at + interval '40 days' end, "
                + "readmitted_at = case when r7 > 0.95 then kit_at + interval '60 days' end");
        for (String column : List.of("decided", "kit_at", "startup_at", "titration_at", "discharging_at", "ended_at", "handover_at",
                "paused_at", "readmitted_at")) {
            jdbc.execute("update bench_life set " + column + " = null where " + column + " > now()");
        }
        jdbc.execute("update bench_life set startup_date = (startup_at at time zone " + z + ")::date, "
                + "days = (coalesce(ended_at, now()) at time zone " + z + ")::date - (startup_at at time zone " + z + ")::date + 1 "
                + "where startup_at is not null");

        jdbc.execute("insert into citizen (id, cpr, name, municipality_id, gp_practice_id, created_at, version) select citizen_id, "
                + "to_char(date '1930-01-01' + i % 25000, 'DDMMYY') || lpad((i / 25000 * 1000 + i % 1000)::text, 4, '0'), "
                + "'Benchmark Borger ' || i, municipality, 'bench-gp', created, 0 from bench_life");
        jdbc.execute("insert into pathway (id, citizen_id, active_citizen_id, region, clinic_id, phase, treatment_responsible, "
                + "monitoring_responsible, municipal_course_active, extended, reassessment_overdue, outcome, created_at, updated_at, "
                + "ended_at, version, monitoring_since, treatment_organisation_id, monitoring_organisation_id) select pathway_id, citizen_id, "
                + "case when ended_at is null then citizen_id end, 'MIDT', clinic, case when ended_at is not null then "
                + "case when rejected then 'REJECTED' else 'DISCHARGED' end when discharging_at is not null then 'DISCHARGING' "
                + "when titration_at is not null then 'TITRATION' when startup_at is not null then 'STARTUP_MONITORING' "
                + "when decided is not null and not rejected then 'START' else 'INCLUSION' end, "
                + "case when ended_at is not null and not rejected then 'GP' else 'CLINIC' end, "
                + "case when startup_at is null or ended_at is not null then 'NONE' when handover_at is not null then 'MUNICIPALITY' else 'CLINIC' end, "
                + "false, false, false, case when ended_at is not null then case when rejected then 'REJECTED' when r5 < 0.15 "
                + "then 'DISCHARGED_NON_ADHERENCE' else 'DISCHARGED_TO_GP' end end, created, coalesce(ended_at, now()), ended_at, 0, "
                + "startup_at, case when ended_at is not null and not rejected then 'bench-gp' else clinic end, "
                + "case when startup_at is null then null when handover_at is not null then municipality else clinic end from bench_life");
        jdbc.execute("insert into referral (id, pathway_id, source, referrer_organisation_id, received_at, mit_id_required) select "
                + "md5('bench-referral-' || i)::uuid, pathway_id, (array['HF_CLINIC', 'GP_REREFERRAL', 'MUNICIPALITY_IDENTIFICATION', "
                + "'HOSPITAL_TO_MUNICIPALITY'])[i % 4 + 1], clinic, created, true from bench_life");
        jdbc.execute("insert into pathway_journal (pathway_id, occurred_at, kind, actor, summary, detail) select pathway_id, e.ts, e.kind, "
                + "'bench', e.summary, e.detail from bench_life l cross join lateral (values "
                + "(created, 'PHASE', 'Fase', 'REFERRED -> INCLUSION'), "
                + "(case when not rejected then decided end, 'PHASE', 'Fase', 'INCLUSION -> START'), "
                + "(case when rejected then ended_at end, 'PHASE', 'Fase', 'INCLUSION -> REJECTED'), "
                + "(startup_at, 'PHASE', 'Fase', 'START -> STARTUP_MONITORING'), "
                + "(titration_at, 'PHASE', 'Fase', 'STARTUP_MONITORING -> TITRATION'), "
                + "(discharging_at, 'PHASE', 'Fase', 'TITRATION -> DISCHARGING'), "
                + "(case when not rejected then ended_at end, 'PHASE', 'Fase', 'DISCHARGING -> DISCHARGED'), "
                + "(handover_at, 'REASSESSMENT', 'Revurdering: HANDOVER', null), "
                + "(case when r6 > 0.97 then titration_at + interval '20 days' end, 'REASSESSMENT', 'Revurdering: MUNICIPAL_COURSE', null), "
                + "(paused_at, 'PAUSE', 'Monitorering sat på pause', null), "
                + "(paused_at + interval '5 days', 'RESUMED', 'Monitorering genoptaget efter pause', null), "
                + "(readmitted_at, 'READMISSION', 'Indlæggelse meldt', null)) e(ts, kind, summary, detail) "
                + "where e.ts is not null and e.ts <= now()");

        jdbc.execute("insert into kit (id, kit_number, status, citizen_id, updated_at, version) select md5('bench-kit-' || i)::uuid, "
                + "'BENCH-' || i, 'IN_USE', citizen_id, kit_at, 0 from bench_life where kit_at is not null");
        jdbc.execute("insert into kit_event (kit_id, occurred_at, status, citizen_id, actor) select md5('bench-kit-' || i)::uuid, kit_at, "
                + "'IN_USE', citizen_id, 'bench' from bench_life where kit_at is not null");
        jdbc.execute("insert into kit_fault (id, citizen_id, kit_number, pathway_id, description, reported_via, reported_by, reported_at, "
                + "service_level_due, service_level_breached, status, version) select md5('bench-fault-' || i)::uuid, citizen_id, 'BENCH-' || i, "
                + "pathway_id, 'Vægten virker ikke', 'CALL', 'bench', ts, ts + interval '4 hours', r < 0.15, case when r < 0.1 then 'OPEN' "
                + "when r < 0.7 then 'SOLVED' when r < 0.95 then 'SWAPPED' else 'NOT_TECHNICAL' end, 0 from (select *, random() r, "
                + "kit_at + (coalesce(ended_at, now()) - kit_at) * random() ts from bench_life where kit_at is not null and r3 < 0.1) f");

        jdbc.execute("insert into monitoring_plan (id, pathway_id, measurement_time, reference_weight_kg, startup_days, review_interval_days, "
                + "reassessment_interval_weeks, expected_end_date, set_by, updated_at, version) select md5('bench-plan-' || i)::uuid, pathway_id, "
                + "'08:00', 80.0, 14, 7, 10, (kit_at + interval '240 days')::date, 'bench', kit_at, 0 from bench_life where kit_at is not null");
        jdbc.execute("insert into plan_measurement (plan_id, measurement_type, frequency) select md5('bench-plan-' || i)::uuid, t.type, t.frequency "
                + "from bench_life cross join (values ('WEIGHT', 'DAILY'), ('PULSE', 'DAILY'), ('BLOOD_PRESSURE', 'DAILY'), "
                + "('PRO_QUESTIONNAIRE', 'WEEKLY')) t(type, frequency) where kit_at is not null");
        jdbc.execute("insert into threshold_set (plan_id, valid_from, set_by, reason) select md5('bench-plan-' || i)::uuid, kit_at, "
                + "'kpibench', 'benchmark' from bench_life where kit_at is not null");
        MorningBenchmark.thresholdValues(jdbc, "kpibench");

        // measurements: each monitored day's, thinned to the total asked for (the last three days whole: nothing is missing now)
        Long possible = jdbc.queryForObject("select coalesce(sum(days * 3 + (days + 6) / 7), 0) from bench_life where days > 0", Long.class);
        double keep = Math.min(1.0, measurements / (double) Math.max(1, possible));
        jdbc.execute("insert into measurement (source, sender_id, citizen_id, pathway_id, type, value1, value2, unit, measured_at, received_at, "
                + "colour, colour_reason, escalation, escalation_attempts, acknowledged_by, acknowledged_at, retracted_at, retracted_reason) "
                + "select 'bench-seed', l.i || '-' || d || '-' || t.type, l.citizen_id, l.pathway_id, t.type, case t.type when 'WEIGHT' "
                + "then 80 + x.r * 3 when 'PULSE' then 60 + x.r * 40 when 'BLOOD_PRESSURE' then 120 + x.r * 40 else 2 end, "
                + "case when t.type = 'BLOOD_PRESSURE' then 80 end, t.unit, x.ts, x.ts + interval '5 seconds', "
                + "case when x.c < 0.02 then 'RED' when x.c < 0.12 then 'YELLOW' else 'GREEN' end, 'benchmark', 'DONE', 0, "
                + "case when x.c < 0.012 then 'bench-nurse' end, case when x.c < 0.012 then x.ts + interval '1 hour' * (0.2 + x.r * 3) end, "
                + "case when x.r > 0.999 then x.ts + interval '1 hour' end, case when x.r > 0.999 then 'entered-in-error' end "
                + "from bench_life l cross join lateral generate_series(0, l.days - 1) d "
                + "cross join (values ('WEIGHT', 'kg'), ('PULSE', '/min'), ('BLOOD_PRESSURE', 'mm[Hg]'), ('PRO_QUESTIONNAIRE', null)) t(type, unit) "
                + "cross join lateral (select random() + 0 * d r, random() + 0 * d c, ((l.startup_date + d + time '07:30') at time zone " + z
                + ") + interval '1 minute' * (random() * 90 + 0 * d) ts) x "
                + "where l.days > 0 and (t.type <> 'PRO_QUESTIONNAIRE' or d % 7 = 0) and x.ts < coalesce(l.ended_at, now()) "
                + "and (random() < " + keep + " or l.startup_date + d >= current_date - 3)");
        System.out.printf(Locale.ROOT, "seeded measurements (kept %.2f of %,d monitored) in %.0f s%n", keep, possible, (System.nanoTime() - t0) / 1e9);

        // Camunda's history as the engine leaves it: a process instance per pathway, red reviews, reassessments, call-backs
        jdbc.execute("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_, STATE_) "
                + "select 'bench-pi-' || i, 'bench-pi-' || i, pathway_id::text, 'heart-failure-pathway', 'heart-failure-pathway:1:bench', created, "
                + "ended_at, case when ended_at is null then 'ACTIVE' else 'COMPLETED' end from bench_life");
        jdbc.execute("create temp table bench_task as select 'red-' || m.id id, 'Task_ReviewRedMeasurement' def, 'bench-pi-' || l.i instance, "
                + "'redai-' || m.id activity, 'Rød måling' name, m.received_at + interval '30 seconds' start_at, m.received_at + interval '2 hours' due_at, "
                + "case when random() < 0.97 then m.received_at + interval '1 hour' * (0.3 + random() * 4) end end_at, "
                + "coalesce(l.monitoring_org, l.clinic || '.hf-nurse') team, m.id measurement_id "
                + "from measurement m join (select *, case when handover_at is not null then municipality || '.municipal-nurse' end monitoring_org "
                + "from bench_life) l on l.pathway_id = m.pathway_id where m.colour = 'RED' and m.source = 'bench-seed'");
        jdbc.execute("insert into bench_task select 'reassess-' || i || '-' || k, 'Task_Reassess', 'bench-pi-' || i, 'reassessai-' || i || '-' || k, "
                + "'Revurdering', due - interval '14 days', due, case when r < 0.8 then due - interval '1 hour' * (r * 80) when r < 0.95 "
                + "then due + interval '1 hour' * ((r - 0.8) * 800) end, clinic || '.hf-nurse', null from (select l.*, k, "
                + "l.startup_at + interval '70 days' * k due, random() r from bench_life l cross join generate_series(1, 6) k "
                + "where l.startup_at is not null) t where due - interval '14 days' <= now() and (ended_at is null or due - interval '14 days' < ended_at)");
        jdbc.execute("alter table bench_task add column reason varchar(30)");
        jdbc.execute("update bench_task set end_at = null where end_at > now()");
        jdbc.execute("update bench_task t set end_at = l.ended_at, reason = 'deleted' from bench_life l where t.def = 'Task_Reassess' "
                + "and t.instance = 'bench-pi-' || l.i and l.ended_at is not null and (t.end_at is null or t.end_at > l.ended_at)");
        jdbc.execute("update bench_task set reason = 'completed' where end_at is not null and reason is null");
        jdbc.execute("insert into pathway_journal (pathway_id, occurred_at, kind, actor, summary) select l.pathway_id, t.end_at, 'REASSESSMENT', "
                + "'bench-nurse', 'Revurdering: CONTINUE' from bench_task t join bench_life l on t.instance = 'bench-pi-' || l.i "
                + "where t.def = 'Task_Reassess' and t.reason = 'completed'");

        jdbc.execute("create temp table bench_call as select md5('bench-call-' || l.i || '-' || k)::uuid id, l.i || '-' || k n, l.citizen_id, "
                + "l.pathway_id, l.municipality, l.created + (coalesce(l.ended_at, now()) - l.created) * random() received_at, random() r "
                + "from bench_life l cross join generate_series(1, 2) k");
        jdbc.execute("insert into citizen_call (id, citizen_id, pathway_id, municipality_id, received_at, answered_by, answered_by_user, reason, "
                + "message, call_back_due, closed, version) select id, citizen_id, pathway_id, municipality, received_at, case when r < 0.4 "
                + "then 'FRONT_DESK' else 'HEALTH_PROFESSIONAL' end, 'bench', 'CLINICAL', 'Ring mig op', case when r < 0.4 then "
                + "received_at + interval '5 hours' end, true, 0 from bench_call");
        jdbc.execute("insert into contact_registration (call_id, citizen_id, classified_at, contact_purpose, contact_kind, registered_as_contact, "
                + "note_type, reason) select id, citizen_id, received_at + interval '10 minutes', 'CLINICAL', case when r < 0.4 then "
                + "'CALL_BACK_FROM_QUEUE' else 'INCOMING_ANSWERED' end, r < 0.7, case when r < 0.8 then 'Tfn' end, 'regel' from bench_call where r < 0.9");
        jdbc.execute("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, STATE_) select "
                + "'bench-cpi-' || n, 'bench-cpi-' || n, id::text, 'citizen-call', 'citizen-call:1:bench', received_at, 'COMPLETED' from bench_call where r < 0.4");
        jdbc.execute("insert into bench_task select 'callback-' || n, 'Task_CallCitizenBack', 'bench-cpi-' || n, 'callbackai-' || n, "
                + "'Ring borgeren op', received_at, received_at + interval '5 hours', case when received_at + interval '1 hour' * (r * 14) <= now() "
                + "then received_at + interval '1 hour' * (r * 14) end, municipality || '.municipal-nurse', null, case when "
                + "received_at + interval '1 hour' * (r * 14) <= now() then 'completed' end from bench_call where r < 0.4");

        jdbc.execute("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, PROC_INST_ID_, ACT_INST_ID_, NAME_, "
                + "START_TIME_, END_TIME_, DELETE_REASON_, DUE_DATE_, PRIORITY_) select id, def, case when def = 'Task_CallCitizenBack' "
                + "then 'citizen-call' else 'heart-failure-pathway' end, 'bench', instance, activity, name, start_at, end_at, "
                + "case when end_at is not null then coalesce(reason, 'completed') end, due_at, 50 from bench_task");
        jdbc.execute("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, TEXT_, STATE_) select 'redvar-' || measurement_id, "
                + "instance, activity, 'measurementId', 'string', measurement_id::text, 'CREATED' from bench_task where measurement_id is not null");
        jdbc.execute("insert into ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, OPERATION_TYPE_) select 'cand-' || id, start_at, "
                + "'candidate', team, id, 'add' from bench_task");
        jdbc.execute("insert into ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, USER_ID_, TASK_ID_, OPERATION_TYPE_) select 'assg-' || id, "
                + "start_at + (end_at - start_at) * 0.3, 'assignee', 'bench-nurse', id, 'add' from bench_task where reason = 'completed'");
        jdbc.execute("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at) select l.pathway_id, "
                + "'MEASUREMENTS_MISSING', 'WEIGHT', 'bench-' || k, l.startup_at + interval '25 days' * k from bench_life l "
                + "cross join lateral generate_series(1, l.days / 25) k where l.days >= 25 and l.startup_at + interval '25 days' * k < coalesce(l.ended_at, now())");
        // the teams' open tasks now (a nurse's queue): one in five running pathways
        jdbc.execute("insert into ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_) select "
                + "'bench-rt-' || i, 1, 'Gennemgå målinger', 'Task_ReviewMeasurements', 50, now() - interval '1 hour' * (r5 * 72), "
                + "now() - interval '1 hour' * (r5 * 72) + interval '1 day', 1 from bench_life where ended_at is null and startup_at is not null and r5 < 0.2");
        jdbc.execute("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) select 'bench-rl-' || i, 1, clinic || '.hf-nurse', "
                + "'candidate', 'bench-rt-' || i from bench_life where ended_at is null and startup_at is not null and r5 < 0.2");

        jdbc.execute("set session_replication_role = default");
        // the KPI roll-ups (docs/kpis.md) are kept by triggers, which were off while seeding: built once from the rows
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from pg_proc where proname = 'kpi_rebuild')", Boolean.class))) {
            long r0 = System.nanoTime();
            jdbc.execute("select kpi_rebuild()");
            System.out.printf(Locale.ROOT, "KPI roll-ups rebuilt in %.0f s%n", (System.nanoTime() - r0) / 1e9);
        }
        jdbc.execute("vacuum analyze");
        System.out.printf(Locale.ROOT, "seeded %,d pathways with a year of history in %.0f s%n", pathways, (System.nanoTime() - t0) / 1e9);
    }

    private KpiBenchmark() {
    }
}
