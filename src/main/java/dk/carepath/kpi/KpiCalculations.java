package dk.carepath.kpi;

import dk.carepath.kpi.Kpi.Chart;
import dk.carepath.kpi.Kpi.Figure;
import dk.carepath.kpi.Kpi.Point;
import dk.carepath.pathway.Phase;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI queries of docs/kpis.md over the tables of the features (pathway, referral and journal;
 * measurements and alarms; calls; kit faults; Camunda's task history and runtime). Plain SQL that
 * runs on PostgreSQL and H2 alike; percentiles and weeks are computed here, not in SQL. Each
 * computation answers the figure and the pathways behind it (the drill-down).
 */
@Component
@Transactional(readOnly = true)
class KpiCalculations {

    /** what one calculation answers: the figures and the pathways behind them */
    record Result(Kpi.Figure headline, List<Figure> figures, List<Chart> charts, List<PathwayRow> pathways) {
    }

    /**
     * A pathway behind a figure, as a manager may see it: ids, organisations, phase and its value for
     * the figure; no name, no CPR number, nothing clinical.
     */
    record PathwayRow(UUID pathwayId, @com.fasterxml.jackson.annotation.JsonIgnore UUID citizenId, String clinicId,
                      String municipalityId, String phase, String phaseName, Double value, String unit, String note) {
    }

    private static final String BASE = "p.id, p.citizen_id, p.clinic_id, c.municipality_id, p.phase";
    private static final String FROM = " from pathway p join citizen c on c.id = p.citizen_id ";
    /**
     * The pathways' phase milestones from the journal's PHASE rows, one grouped join (a correlated
     * lookup per pathway and milestone was 25,000 subqueries a request): when each first entered START
     * (included), STARTUP_MONITORING, TITRATION and DISCHARGING. Joined as {@code ph} on {@code p}.
     */
    private static final String MILESTONES = " left join (select j.pathway_id,"
            + " min(case when j.detail like '% -> START' then j.occurred_at end) included_at,"
            + " min(case when j.detail like '% -> STARTUP_MONITORING' then j.occurred_at end) startup_at,"
            + " min(case when j.detail like '% -> TITRATION' then j.occurred_at end) titration_at,"
            + " min(case when j.detail like '% -> DISCHARGING' then j.occurred_at end) discharging_at"
            + " from pathway_journal j where j.kind = 'PHASE' group by j.pathway_id) ph on ph.pathway_id = p.id ";
    private static final String REJECTED = "(case when p.outcome = 'REJECTED' then p.ended_at end)";

    /**
     * the pathway {@code e.id}'s first measurement not retracted, where there is no roll-up (H2): the
     * earliest of each type's, each one probe of the index on (pathway, type, measured_at)
     */
    /** one index lookup per type; PostgreSQL's least() skips nulls, H2's answers null, hence the stand-in for "none" */
    private static final String NEVER = "timestamp with time zone '9999-12-31 00:00:00+00'";
    private static final String FIRST_MEASURED = java.util.Arrays.stream(dk.carepath.pathway.MeasurementType.values())
            .map(t -> "coalesce((select min(m.measured_at) from measurement m where m.pathway_id = e.id and m.type = '" + t.name()
                    + "' and m.retracted_at is null), " + NEVER + ")")
            .collect(java.util.stream.Collectors.joining(", ", "nullif(least(", "), " + NEVER + ")"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Organisations organisations;

    KpiCalculations(NamedParameterJdbcTemplate jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /** the zone of PostgreSQL's roll-ups (V13, kpi_zone()), or "" where there are none (H2) */
    private volatile String rollupZone;

    /**
     * Whether the measurement KPIs may read the roll-ups of V13 instead of the measurements: on
     * PostgreSQL, when the roll-ups' days are the scope's.
     */
    private boolean rollups(KpiScope scope) {
        if (rollupZone == null) {
            String zone = "";
            try {
                Boolean present = jdbc.getJdbcTemplate().queryForObject("select count(*) > 0 from information_schema.tables"
                        + " where lower(table_name) = 'kpi_measured_days'", Boolean.class);
                if (Boolean.TRUE.equals(present)) {
                    zone = jdbc.getJdbcTemplate().queryForObject("select kpi_zone()", String.class);
                }
            } catch (org.springframework.dao.DataAccessException e) {
                zone = "";
            }
            rollupZone = zone;
        }
        return rollupZone.equals(scope.zone().getId());
    }

    /** whether PostgreSQL's roll-ups are there at all (those without days, as the first measurement, serve any zone) */
    private boolean rollupsPresent(KpiScope scope) {
        rollups(scope);
        return !rollupZone.isEmpty();
    }

    // ------------------------------------------------------------------ pathways: phases, referrals, inclusion

    Result phases(KpiScope scope) {
        List<PathwayRow> rows = jdbc.query("select " + BASE + FROM + "where p.ended_at is null and " + scope.pathways("p", "c"),
                scope.parameters(), (rs, i) -> row(rs, null, null, null));
        Map<String, Double> byPhase = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            if (!phase.ended()) {
                byPhase.put(phase.name(), 0.0);
            }
        }
        rows.forEach(r -> byPhase.merge(r.phase(), 1.0, Double::sum));
        List<Chart> charts = List.of(
                new Chart("by-phase", "Borgere pr. fase", "bar", "borgere", points(byPhase, p -> Phase.valueOf(p).danish())),
                new Chart("by-clinic", "Borgere pr. klinik", "bar", "borgere", countBy(rows, PathwayRow::clinicId)),
                new Chart("by-municipality", "Borgere pr. kommune", "bar", "borgere", countBy(rows, PathwayRow::municipalityId)));
        return new Result(new Figure("running", "Borgere i forløb", (double) rows.size(), "borgere"), List.of(), charts, rows);
    }

    Result referrals(KpiScope scope) {
        record Referral(PathwayRow row, String source, Instant receivedAt) {
        }
        List<Referral> referrals = jdbc.query("select " + BASE + ", r.source, r.received_at" + FROM
                        + "join referral r on r.pathway_id = p.id where r.received_at >= :since and r.received_at < :until and "
                        + scope.pathways("p", "c"), scope.parameters(),
                (rs, i) -> new Referral(row(rs, null, null, rs.getString("source")), rs.getString("source"), instant(rs, "received_at")));
        Map<String, Double> bySource = new LinkedHashMap<>();
        for (dk.carepath.pathway.ReferralSource source : dk.carepath.pathway.ReferralSource.values()) {
            bySource.put(source.name(), 0.0);
        }
        referrals.forEach(r -> bySource.merge(r.source(), 1.0, Double::sum));
        Map<String, Double> weeks = Stats.weeks(scope.from(), scope.to());
        referrals.forEach(r -> weeks.merge(Stats.week(day(r.receivedAt(), scope.zone())), 1.0, Double::sum));
        List<Chart> charts = List.of(
                new Chart("by-source", "Henvisninger pr. kilde", "bar", "henvisninger",
                        points(bySource, s -> dk.carepath.pathway.ReferralSource.valueOf(s).danish())),
                new Chart("by-week", "Henvisninger pr. uge", "line", "henvisninger", points(weeks, Stats::weekLabel)));
        return new Result(new Figure("referrals", "Henvisninger i perioden", (double) referrals.size(), "henvisninger"), List.of(),
                charts, referrals.stream().map(Referral::row).toList());
    }

    /** Referrals decided in the period: included (entered START) or rejected (ended REJECTED). */
    private List<Decision> decisions(KpiScope scope) {
        return jdbc.query("select * from (select " + BASE + ", r.received_at, ph.included_at, " + REJECTED
                        + " rejected_at" + FROM + "join referral r on r.pathway_id = p.id" + MILESTONES + "where " + scope.pathways("p", "c")
                        + ") d where coalesce(d.included_at, d.rejected_at) >= :since and coalesce(d.included_at, d.rejected_at) < :until",
                scope.parameters(), (rs, i) -> {
                    Instant included = instant(rs, "included_at");
                    return new Decision(row(rs, null, null, null), instant(rs, "received_at"), included,
                            included != null ? included : instant(rs, "rejected_at"));
                });
    }

    private record Decision(PathwayRow row, Instant receivedAt, Instant includedAt, Instant decidedAt) {
    }

    Result inclusionRate(KpiScope scope) {
        List<Decision> decisions = decisions(scope);
        long included = decisions.stream().filter(d -> d.includedAt() != null).count();
        List<PathwayRow> rows = decisions.stream().map(d -> with(d.row(), d.includedAt() != null ? 1.0 : 0.0, "",
                d.includedAt() != null ? "inkluderet" : "afvist")).toList();
        return new Result(new Figure("rate", "Inkluderet af de vurderede", Stats.percent(included, decisions.size()), "%"),
                List.of(new Figure("decided", "Vurderede henvisninger", (double) decisions.size(), "henvisninger"),
                        new Figure("included", "Inkluderet", (double) included, "borgere"),
                        new Figure("rejected", "Afvist", (double) (decisions.size() - included), "henvisninger")),
                List.of(new Chart("decisions", "Beslutninger", "bar", "henvisninger", List.of(
                        new Point("included", "Inkluderet", included), new Point("rejected", "Afvist", decisions.size() - included)))),
                rows);
    }

    Result leadReferralInclusion(KpiScope scope) {
        List<PathwayRow> rows = new ArrayList<>();
        for (Decision d : decisions(scope)) {
            rows.add(with(d.row(), Stats.days(d.receivedAt(), d.decidedAt()), "dage", d.includedAt() != null ? "inkluderet" : "afvist"));
        }
        return leadTime(scope, rows, "Fra henvisning til beslutning");
    }

    /** the included pathways in scope with the first telekit in use for their citizen from the inclusion on, as {@code e} */
    private String installed(KpiScope scope) {
        return "(select " + BASE + ", ph.included_at, min(k.occurred_at) installed_at" + FROM + MILESTONES
                + "left join kit_event k on k.citizen_id = p.citizen_id and k.status = 'IN_USE' and k.occurred_at >= ph.included_at"
                + " where ph.included_at is not null and " + scope.pathways("p", "c")
                + " group by p.id, p.citizen_id, p.clinic_id, c.municipality_id, p.phase, ph.included_at) e";
    }

    Result leadInclusionKit(KpiScope scope) {
        List<PathwayRow> rows = jdbc.query("select * from " + installed(scope) + " where e.installed_at >= :since and e.installed_at < :until",
                scope.parameters(), (rs, i) -> row(rs, Stats.days(instant(rs, "included_at"), instant(rs, "installed_at")), "dage", null));
        return leadTime(scope, rows, "Fra inklusion til installeret telekit");
    }

    Result leadKitFirstMeasurement(KpiScope scope) {
        // on PostgreSQL the first measurement per pathway is a roll-up kept by the intake's trigger (V14)
        String first = rollupsPresent(scope)
                ? "select e.*, f.measured_at first_measured_at from " + installed(scope)
                + " join kpi_first_measurement f on f.pathway_id = e.id where e.installed_at is not null"
                : "select e.*, " + FIRST_MEASURED + " first_measured_at from " + installed(scope) + " where e.installed_at is not null";
        List<PathwayRow> rows = jdbc.query("select * from (" + first + ") x where x.first_measured_at >= :since"
                        + " and x.first_measured_at < :until", scope.parameters(),
                (rs, i) -> row(rs, Math.max(0, Stats.days(instant(rs, "installed_at"), instant(rs, "first_measured_at"))), "dage", null));
        return leadTime(scope, rows, "Fra installeret telekit til første måling");
    }

    Result leadStartupTitration(KpiScope scope) {
        List<PathwayRow> rows = jdbc.query("select * from (select " + BASE + ", ph.startup_at, ph.titration_at" + FROM + MILESTONES
                        + "where " + scope.pathways("p", "c") + ") d where d.startup_at is not null "
                        + "and d.titration_at >= :since and d.titration_at < :until", scope.parameters(),
                (rs, i) -> row(rs, Stats.days(instant(rs, "startup_at"), instant(rs, "titration_at")), "dage", null));
        return leadTime(scope, rows, "Fra opstartsmonitorering til titrering");
    }

    private Result leadTime(KpiScope scope, List<PathwayRow> rows, String title) {
        List<Double> days = rows.stream().map(PathwayRow::value).toList();
        Map<String, Double> buckets = new LinkedHashMap<>();
        for (String b : List.of("0–1", "1–3", "3–7", "7–14", "14–28", "28+")) {
            buckets.put(b, 0.0);
        }
        for (double d : days) {
            String b = d < 1 ? "0–1" : d < 3 ? "1–3" : d < 7 ? "3–7" : d < 14 ? "7–14" : d < 28 ? "14–28" : "28+";
            buckets.merge(b, 1.0, Double::sum);
        }
        List<PathwayRow> sorted = rows.stream().sorted(Comparator.comparing(PathwayRow::value).reversed()).toList();
        return new Result(new Figure("p50", "Median", Stats.round(Stats.percentile(days, 50)), "dage"),
                List.of(new Figure("p50", "Median (p50)", Stats.round(Stats.percentile(days, 50)), "dage"),
                        new Figure("p90", "p90", Stats.round(Stats.percentile(days, 90)), "dage"),
                        new Figure("count", "Forløb", (double) days.size(), "forløb")),
                List.of(new Chart("distribution", title + " (dage)", "bar", "forløb", points(buckets, b -> b + " dage"))), sorted);
    }

    // ------------------------------------------------------------------ reassessments

    Result reassessments(KpiScope scope) {
        record Due(PathwayRow row, Instant due, Instant end, boolean completed) {
        }
        List<Due> tasks = jdbc.query("select " + BASE + ", t.DUE_DATE_ due_at, t.END_TIME_ end_at, t.DELETE_REASON_ reason"
                        + " from ACT_HI_TASKINST t join ACT_HI_PROCINST pi on pi.PROC_INST_ID_ = t.PROC_INST_ID_"
                        + " join pathway p on pi.BUSINESS_KEY_ = cast(p.id as varchar(36)) join citizen c on c.id = p.citizen_id"
                        + " where t.TASK_DEF_KEY_ = 'Task_Reassess' and pi.PROC_DEF_KEY_ = 'heart-failure-pathway'"
                        + " and t.DUE_DATE_ >= :since and t.DUE_DATE_ < :until and " + scope.pathways("p", "c"), scope.parameters(),
                (rs, i) -> new Due(row(rs, null, null, null), instant(rs, "due_at"), instant(rs, "end_at"),
                        "completed".equals(rs.getString("reason"))));
        long onTime = 0;
        long late = 0;
        long overdueOpen = 0;
        List<Double> daysLate = new ArrayList<>();
        List<PathwayRow> rows = new ArrayList<>();
        Map<String, long[]> byWeek = new LinkedHashMap<>();
        Stats.weeks(scope.from(), scope.to()).keySet().forEach(w -> byWeek.put(w, new long[2]));
        for (Due t : tasks) {
            String status;
            double overdue;
            if (t.end() != null && !t.completed()) {
                continue; // ended with its pathway (discharged otherwise): no reassessment to judge
            }
            if (t.end() != null && !t.end().isAfter(t.due())) {
                onTime++;
                status = "til tiden";
                overdue = 0;
            } else if (t.end() != null) {
                late++;
                status = "for sent";
                overdue = Stats.days(t.due(), t.end());
            } else if (t.due().isBefore(scope.now())) {
                overdueOpen++;
                status = "overskredet, ikke udført";
                overdue = Stats.days(t.due(), scope.now());
            } else {
                continue; // not due yet
            }
            if (overdue > 0) {
                daysLate.add(overdue);
            }
            long[] week = byWeek.computeIfAbsent(Stats.week(day(t.due(), scope.zone())), w -> new long[2]);
            week[0] += status.equals("til tiden") ? 1 : 0;
            week[1]++;
            rows.add(with(t.row(), Stats.round(overdue), "dage for sent", status));
        }
        long judged = onTime + late + overdueOpen;
        Map<String, Double> trend = new LinkedHashMap<>();
        byWeek.forEach((w, c) -> {
            if (c[1] > 0) {
                trend.put(w, Stats.percent(c[0], c[1]));
            }
        });
        rows.sort(Comparator.comparing(PathwayRow::value).reversed());
        return new Result(new Figure("on-time", "Til tiden", Stats.percent(onTime, judged), "%"),
                List.of(new Figure("due", "Forfaldne revurderinger", (double) judged, "revurderinger"),
                        new Figure("on-time-count", "Til tiden", (double) onTime, "revurderinger"),
                        new Figure("late", "Udført for sent", (double) late, "revurderinger"),
                        new Figure("overdue-open", "Overskredet og ikke udført", (double) overdueOpen, "revurderinger"),
                        new Figure("overdue-p50", "Overskridelse, median", Stats.round(Stats.percentile(daysLate, 50)), "dage"),
                        new Figure("overdue-max", "Overskridelse, længste", Stats.round(daysLate.stream().max(Double::compare).orElse(null)), "dage")),
                List.of(new Chart("status", "Revurderinger", "bar", "revurderinger", List.of(new Point("on-time", "Til tiden", onTime),
                                new Point("late", "For sent", late), new Point("overdue-open", "Overskredet, ikke udført", overdueOpen))),
                        new Chart("by-week", "Til tiden pr. uge (forfaldsuge)", "line", "%", points(trend, Stats::weekLabel))),
                rows);
    }

    // ------------------------------------------------------------------ red measurement → nurse action

    Result redAction(KpiScope scope) {
        List<Object[]> reds = jdbc.query("select " + BASE + ", m.id measurement_id, m.received_at, m.acknowledged_at, t.START_TIME_ task_at,"
                        + " t.END_TIME_ done_at, t.DUE_DATE_ due_at, t.DELETE_REASON_ reason" + " from measurement m"
                        + " join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id"
                        + " left join ACT_HI_VARINST v on v.NAME_ = 'measurementId' and v.TEXT_ = cast(m.id as varchar(20))"
                        + " left join ACT_HI_TASKINST t on t.ACT_INST_ID_ = v.ACT_INST_ID_ and t.TASK_DEF_KEY_ = 'Task_ReviewRedMeasurement'"
                        + " where m.colour = 'RED' and m.retracted_at is null and m.received_at >= :since and m.received_at < :until and "
                        + scope.pathways("p", "c"),
                scope.parameters(), (rs, i) -> new Object[]{row(rs, null, null, null), instant(rs, "received_at"),
                        instant(rs, "acknowledged_at"), instant(rs, "task_at"), "completed".equals(rs.getString("reason"))
                        ? instant(rs, "done_at") : null, instant(rs, "due_at"), rs.getLong("measurement_id")});
        Map<Long, Object[]> byMeasurement = new LinkedHashMap<>();
        reds.forEach(r -> byMeasurement.putIfAbsent((Long) r[6], r));
        long within = 0;
        long judged = 0;
        long open = 0;
        long noTask = 0;
        List<Double> hours = new ArrayList<>();
        List<Double> toTask = new ArrayList<>();
        List<PathwayRow> rows = new ArrayList<>();
        Map<String, Double> buckets = new LinkedHashMap<>();
        for (String b : List.of("< 1 t", "1–2 t", "2–4 t", "4–8 t", "8–24 t", "> 24 t")) {
            buckets.put(b, 0.0);
        }
        for (Object[] r : byMeasurement.values()) {
            PathwayRow row = (PathwayRow) r[0];
            Instant received = (Instant) r[1];
            Instant acknowledged = (Instant) r[2];
            Instant task = (Instant) r[3];
            Instant done = (Instant) r[4];
            Instant due = (Instant) r[5];
            Instant action = done == null ? acknowledged : acknowledged == null || done.isBefore(acknowledged) ? done : acknowledged;
            if (task == null && action == null) {
                noTask++;
                continue; // no task was raised (the pathway was not in monitoring) and nobody acted: not the nurses' to answer
            }
            if (task != null) {
                toTask.add(Stats.hours(received, task));
            }
            String note;
            if (action != null) {
                double h = Stats.hours(received, action);
                hours.add(h);
                buckets.merge(h < 1 ? "< 1 t" : h < 2 ? "1–2 t" : h < 4 ? "2–4 t" : h < 8 ? "4–8 t" : h < 24 ? "8–24 t" : "> 24 t", 1.0, Double::sum);
                if (due != null) {
                    judged++;
                    boolean in = !action.isAfter(due);
                    within += in ? 1 : 0;
                    note = in ? "inden for to åbningstimer" : "efter fristen";
                } else {
                    note = "handlet";
                }
                rows.add(with(row, Stats.round(h), "timer", note));
            } else {
                open++;
                if (due != null && due.isBefore(scope.now())) {
                    judged++;
                    rows.add(with(row, Stats.round(Stats.hours(received, scope.now())), "timer", "ikke handlet, fristen overskredet"));
                } else {
                    rows.add(with(row, Stats.round(Stats.hours(received, scope.now())), "timer", "ikke handlet endnu"));
                }
            }
        }
        rows.sort(Comparator.comparing(PathwayRow::value).reversed());
        return new Result(new Figure("within", "Inden for to åbningstimer", Stats.percent(within, judged), "%"),
                List.of(new Figure("reds", "Røde målinger", (double) byMeasurement.size(), "målinger"),
                        new Figure("p50", "Til handling, median", Stats.round(Stats.percentile(hours, 50)), "timer"),
                        new Figure("p90", "Til handling, p90", Stats.round(Stats.percentile(hours, 90)), "timer"),
                        new Figure("task-p50", "Til opgave, median", Stats.round(Stats.percentile(toTask, 50)), "timer"),
                        new Figure("open", "Ikke handlet endnu", (double) open, "målinger"),
                        new Figure("no-task", "Uden opgave (ikke i monitorering)", (double) noTask, "målinger")),
                List.of(new Chart("distribution", "Tid fra rød måling til handling", "bar", "målinger", points(buckets, b -> b))), rows);
    }

    // ------------------------------------------------------------------ adherence and missing-measurement alarms

    private static final Map<String, Double> PER_DAY = Map.of("DAILY", 1.0, "EVERY_OTHER_DAY", 0.5, "TWICE_WEEKLY", 2.0 / 7,
            "WEEKLY", 1.0 / 7);

    /** per pathway monitored in the period: monitored days, expected and received measurements, missing alarms */
    record Adherence(PathwayRow row, long days, long expected, long received, long alarms) {
        Double percent() {
            return expected == 0 ? null : 100.0 * received / expected;
        }
    }

    List<Adherence> adherence(KpiScope scope) {
        MapSqlParameterSource params = scope.parameters();
        String monitored = FROM + "where p.monitoring_since is not null and p.monitoring_since < :until "
                + "and (p.ended_at is null or p.ended_at >= :since) and " + scope.pathways("p", "c");
        Map<UUID, Object[]> pathways = new LinkedHashMap<>();
        jdbc.query("select " + BASE + ", p.monitoring_since, p.ended_at, ph.discharging_at"
                        + monitored.replace(" where ", MILESTONES + "where "), params,
                rs -> {
                    pathways.put(uuid(rs, "id"), new Object[]{row(rs, null, null, null), instant(rs, "monitoring_since"),
                            firstOf(instant(rs, "discharging_at"), instant(rs, "ended_at"))});
                });
        Map<UUID, Map<String, String>> plans = new HashMap<>();
        jdbc.query("select p.id, pm.measurement_type, pm.frequency from monitoring_plan mp join plan_measurement pm on pm.plan_id = mp.id "
                + "join pathway p on p.id = mp.pathway_id join citizen c on c.id = p.citizen_id " + monitored.substring(monitored.indexOf("where")),
                params, rs -> {
                    plans.computeIfAbsent(uuid(rs, "id"), k -> new HashMap<>()).put(rs.getString("measurement_type"), rs.getString("frequency"));
                });
        Map<UUID, List<Object[]>> pauses = new HashMap<>();
        jdbc.query("select p.id, j.kind, j.occurred_at from pathway_journal j join pathway p on p.id = j.pathway_id "
                + "join citizen c on c.id = p.citizen_id " + monitored.substring(monitored.indexOf("where"))
                + " and j.kind in ('PAUSE', 'RESUMED') order by j.occurred_at, j.id", params, rs -> {
                    pauses.computeIfAbsent(uuid(rs, "id"), k -> new ArrayList<>()).add(new Object[]{rs.getString("kind"), instant(rs, "occurred_at")});
                });
        Map<UUID, Map<String, Long>> received = new HashMap<>();
        String zone = zoneLiteral(scope.zone());
        if (rollups(scope)) {
            // the measured days' bits in the period (kpi_measured_days: monitored measurements only, kept by the intake's trigger)
            params.addValue("fromDay", java.sql.Date.valueOf(scope.from())).addValue("untilDay", java.sql.Date.valueOf(scope.to().plusDays(1)));
            jdbc.query("select d.pathway_id, d.type, bit_count(substring(d.days from greatest(:fromDay - d.first_day, 0) + 1"
                    + " for greatest(0, :untilDay - greatest(:fromDay, d.first_day)))) days"
                    + " from kpi_measured_days d join pathway p on p.id = d.pathway_id join citizen c on c.id = p.citizen_id "
                    + monitored.substring(monitored.indexOf("where")), params, rs -> {
                        received.computeIfAbsent(uuid(rs, "pathway_id"), k -> new HashMap<>()).put(rs.getString("type"), rs.getLong("days"));
                    });
        } else {
            jdbc.query("select m.pathway_id, m.type, count(distinct cast(m.measured_at at time zone '" + zone + "' as date)) days"
                    + " from measurement m join pathway p on p.id = m.pathway_id join citizen c on c.id = p.citizen_id"
                    + " where m.measured_at >= :since and m.measured_at < :until and m.measured_at >= p.monitoring_since and m.retracted_at is null"
                    + " and (p.ended_at is null or m.measured_at < p.ended_at) and " + scope.pathways("p", "c")
                    + " group by m.pathway_id, m.type", params, rs -> {
                        received.computeIfAbsent(uuid(rs, "pathway_id"), k -> new HashMap<>()).put(rs.getString("type"), rs.getLong("days"));
                    });
        }
        Map<UUID, Long> alarms = new HashMap<>();
        jdbc.query("select a.pathway_id, count(*) n from pathway_alarm a join pathway p on p.id = a.pathway_id "
                + "join citizen c on c.id = p.citizen_id where a.kind = 'MEASUREMENTS_MISSING' and a.raised_at >= :since "
                + "and a.raised_at < :until and " + scope.pathways("p", "c") + " group by a.pathway_id", params, rs -> {
                    alarms.put(uuid(rs, "pathway_id"), rs.getLong("n"));
                });
        LocalDate today = day(scope.now(), scope.zone());
        List<Adherence> result = new ArrayList<>();
        for (var entry : pathways.entrySet()) {
            UUID id = entry.getKey();
            PathwayRow row = (PathwayRow) entry.getValue()[0];
            LocalDate first = max(scope.from(), day((Instant) entry.getValue()[1], scope.zone()));
            Instant ended = (Instant) entry.getValue()[2];
            // the day monitoring ended does not count, nor today (the citizen may still measure)
            LocalDate endExclusive = min(scope.to().plusDays(1), today);
            if (ended != null) {
                endExclusive = min(endExclusive, day(ended, scope.zone()));
            }
            long days = 0;
            List<Object[]> marks = pauses.getOrDefault(id, List.of());
            if (marks.isEmpty()) {
                days = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(first, endExclusive));
            } else {
                for (LocalDate d = first; d.isBefore(endExclusive); d = d.plusDays(1)) {
                    if (!paused(d, marks, scope.zone())) {
                        days++;
                    }
                }
            }
            long expected = 0;
            long got = 0;
            for (var plan : plans.getOrDefault(id, Map.of()).entrySet()) {
                long e = (long) Math.floor(days * PER_DAY.getOrDefault(plan.getValue(), 0.0) + 1e-9);
                expected += e;
                got += Math.min(e, received.getOrDefault(id, Map.of()).getOrDefault(plan.getKey(), 0L));
            }
            if (days > 0) {
                result.add(new Adherence(row, days, expected, got, alarms.getOrDefault(id, 0L)));
            }
        }
        return result;
    }

    /** a day is paused from the day a pause is journalled up to (not including) the day monitoring resumed */
    private static boolean paused(LocalDate day, List<Object[]> marks, ZoneId zone) {
        LocalDate pausedFrom = null;
        for (Object[] mark : marks) {
            LocalDate at = day((Instant) mark[1], zone);
            if ("PAUSE".equals(mark[0])) {
                if (pausedFrom == null) {
                    pausedFrom = at;
                }
            } else if (pausedFrom != null) {
                if (!day.isBefore(pausedFrom) && day.isBefore(at)) {
                    return true;
                }
                pausedFrom = null;
            }
        }
        return pausedFrom != null && !day.isBefore(pausedFrom);
    }

    Result adherenceFigure(KpiScope scope) {
        return adherenceFigure(adherence(scope));
    }

    /** the adherence figure of {@link #adherence}'s answer (the dashboard computes it once for two KPIs) */
    Result adherenceFigure(List<Adherence> all) {
        List<Adherence> judged = all.stream().filter(a -> a.expected() > 0).toList();
        List<Double> percents = judged.stream().map(Adherence::percent).toList();
        Map<String, Double> buckets = new LinkedHashMap<>();
        for (String b : List.of("< 50 %", "50–80 %", "80–95 %", "≥ 95 %")) {
            buckets.put(b, 0.0);
        }
        percents.forEach(p -> buckets.merge(p < 50 ? "< 50 %" : p < 80 ? "50–80 %" : p < 95 ? "80–95 %" : "≥ 95 %", 1.0, Double::sum));
        long atLeast80 = percents.stream().filter(p -> p >= 80).count();
        List<PathwayRow> rows = judged.stream().sorted(Comparator.comparing(Adherence::percent))
                .map(a -> with(a.row(), Stats.round(a.percent()), "%", a.received() + " af " + a.expected() + " forventede på "
                        + a.days() + " dage")).toList();
        return new Result(new Figure("median", "Median pr. borger", Stats.round(Stats.percentile(percents, 50)), "%"),
                List.of(new Figure("citizens", "Borgere i monitorering", (double) judged.size(), "borgere"),
                        new Figure("median", "Median pr. borger", Stats.round(Stats.percentile(percents, 50)), "%"),
                        new Figure("at-least-80", "Borgere med mindst 80 %", Stats.percent(atLeast80, judged.size()), "%"),
                        new Figure("expected", "Forventede målinger", (double) judged.stream().mapToLong(Adherence::expected).sum(), "målinger"),
                        new Figure("received", "Modtagne (højst de forventede)", (double) judged.stream().mapToLong(Adherence::received).sum(),
                                "målinger")),
                List.of(new Chart("distribution", "Borgere efter andel modtagne målinger", "bar", "borgere", points(buckets, b -> b))), rows);
    }

    Result missingAlarms(KpiScope scope) {
        return missingAlarms(adherence(scope));
    }

    Result missingAlarms(List<Adherence> all) {
        long days = all.stream().mapToLong(Adherence::days).sum();
        long alarms = all.stream().mapToLong(Adherence::alarms).sum();
        List<PathwayRow> rows = all.stream().filter(a -> a.alarms() > 0).sorted(Comparator.comparing(Adherence::alarms).reversed())
                .map(a -> with(a.row(), (double) a.alarms(), "alarmer", "på " + a.days() + " monitorerede dage")).toList();
        return new Result(new Figure("per-100", "Pr. 100 borgerdage", days == 0 ? null : Stats.round(100.0 * alarms / days), "pr. 100 borgerdage"),
                List.of(new Figure("alarms", "Alarmer for manglende målinger", (double) alarms, "alarmer"),
                        new Figure("citizen-days", "Monitorerede borgerdage (uden pauser)", (double) days, "dage")),
                List.of(), rows);
    }

    // ------------------------------------------------------------------ outcomes

    Result outcomes(KpiScope scope) {
        record Ended(PathwayRow row, String outcome, Instant start, Instant end) {
        }
        List<Ended> ended = jdbc.query("select " + BASE + ", p.outcome, coalesce(r.received_at, p.created_at) started_at, p.ended_at"
                        + FROM + "left join referral r on r.pathway_id = p.id where p.ended_at >= :since and p.ended_at < :until and "
                        + scope.pathways("p", "c"), scope.parameters(),
                (rs, i) -> new Ended(row(rs, null, null, null), rs.getString("outcome"), instant(rs, "started_at"), instant(rs, "ended_at")));
        Map<String, Double> byOutcome = new LinkedHashMap<>();
        for (dk.carepath.pathway.PathwayOutcome o : dk.carepath.pathway.PathwayOutcome.values()) {
            byOutcome.put(o.name(), 0.0);
        }
        ended.forEach(e -> byOutcome.merge(e.outcome(), 1.0, Double::sum));
        List<Ended> discharges = ended.stream().filter(e -> !"REJECTED".equals(e.outcome())).toList();
        List<Double> durations = discharges.stream().map(e -> Stats.days(e.start(), e.end())).toList();
        long nonAdherence = discharges.stream().filter(e -> "DISCHARGED_NON_ADHERENCE".equals(e.outcome())).count();
        Map<String, Long> journal = new HashMap<>();
        jdbc.query("select j.kind, j.summary, count(*) n from pathway_journal j join pathway p on p.id = j.pathway_id "
                + "join citizen c on c.id = p.citizen_id where j.kind in ('REASSESSMENT', 'READMISSION') and j.occurred_at >= :since "
                + "and j.occurred_at < :until and " + scope.pathways("p", "c") + " group by j.kind, j.summary", scope.parameters(), rs -> {
                    String key = rs.getString("kind").equals("READMISSION") ? "READMISSION" : rs.getString("summary").replace("Revurdering: ", "");
                    journal.merge(key, rs.getLong("n"), Long::sum);
                });
        List<PathwayRow> rows = ended.stream().map(e -> with(e.row(), Stats.round(Stats.days(e.start(), e.end())), "dage",
                dk.carepath.pathway.PathwayOutcome.valueOf(e.outcome()).danish())).toList();
        return new Result(new Figure("discharges", "Afsluttede forløb", (double) discharges.size(), "forløb"),
                List.of(new Figure("to-gp", "Afsluttet til egen læge", byOutcome.get("DISCHARGED_TO_GP"), "forløb"),
                        new Figure("non-adherence", "Afsluttet pga. manglende målinger", (double) nonAdherence, "forløb"),
                        new Figure("non-adherence-share", "Andel afsluttet pga. manglende målinger", Stats.percent(nonAdherence, discharges.size()), "%"),
                        new Figure("rejected", "Henvisninger afvist", byOutcome.get("REJECTED"), "henvisninger"),
                        new Figure("duration-p50", "Forløbets varighed, median", Stats.round(Stats.percentile(durations, 50)), "dage"),
                        new Figure("duration-p90", "Forløbets varighed, p90", Stats.round(Stats.percentile(durations, 90)), "dage"),
                        new Figure("handovers", "Overdraget til kommunen", (double) journal.getOrDefault("HANDOVER", 0L), "revurderinger"),
                        new Figure("municipal-course", "Henvist til kommunalt forløb", (double) journal.getOrDefault("MUNICIPAL_COURSE", 0L),
                                "revurderinger"),
                        new Figure("readmissions", "Indlæggelser under monitorering", (double) journal.getOrDefault("READMISSION", 0L),
                                "indlæggelser")),
                List.of(new Chart("by-outcome", "Afslutninger", "bar", "forløb",
                        points(byOutcome, o -> dk.carepath.pathway.PathwayOutcome.valueOf(o).danish()))), rows);
    }

    // ------------------------------------------------------------------ calls and call-backs

    private String callScope(KpiScope scope) {
        return "(cc.municipality_id in (:orgs) or mo.region in (:regions) or p.clinic_id in (:orgs))"
                + (scope.region() == null ? "" : " and mo.region = :region");
    }

    Result calls(KpiScope scope) {
        record Call(String municipality, String answeredBy, String kind, String noteType, Boolean contact) {
        }
        List<Call> calls = jdbc.query("select cc.municipality_id, cc.answered_by, cr.contact_kind, cr.note_type, cr.registered_as_contact"
                        + " from citizen_call cc join organisation mo on mo.id = cc.municipality_id left join pathway p on p.id = cc.pathway_id"
                        + " left join contact_registration cr on cr.call_id = cc.id where cc.received_at >= :since and cc.received_at < :until and "
                        + callScope(scope), scope.parameters(),
                (rs, i) -> new Call(rs.getString("municipality_id"), rs.getString("answered_by"), rs.getString("contact_kind"),
                        rs.getString("note_type"), (Boolean) rs.getObject("registered_as_contact")));
        Map<String, Double> byMunicipality = new TreeMap<>();
        Map<String, Double> byKind = new TreeMap<>();
        Map<String, Double> byNote = new TreeMap<>();
        for (Call c : calls) {
            byMunicipality.merge(c.municipality(), 1.0, Double::sum);
            byKind.merge(c.kind() == null ? "ikke registreret endnu" : c.kind(), 1.0, Double::sum);
            byNote.merge(c.noteType() == null ? "ingen" : c.noteType(), 1.0, Double::sum);
        }
        long frontDesk = calls.stream().filter(c -> "FRONT_DESK".equals(c.answeredBy())).count();
        long contacts = calls.stream().filter(c -> Boolean.TRUE.equals(c.contact())).count();
        return new Result(new Figure("calls", "Opkald i perioden", (double) calls.size(), "opkald"),
                List.of(new Figure("front-desk", "Taget af omstillingen", (double) frontDesk, "opkald"),
                        new Figure("contacts", "Registreret som kontakt", (double) contacts, "opkald")),
                List.of(new Chart("by-municipality", "Opkald pr. kommune", "bar", "opkald", points(byMunicipality, this::name)),
                        new Chart("by-kind", "Kontakter efter type", "bar", "opkald", points(byKind, k -> k)),
                        new Chart("by-note", "Efter notattype", "bar", "opkald", points(byNote, k -> k))), List.of());
    }

    Result callBacks(KpiScope scope) {
        record CallBack(String municipality, Instant due, Instant done, boolean deleted) {
        }
        List<CallBack> callBacks = jdbc.query("select cc.municipality_id, cc.call_back_due, t.END_TIME_ done_at, t.DELETE_REASON_ reason"
                        + " from citizen_call cc join organisation mo on mo.id = cc.municipality_id left join pathway p on p.id = cc.pathway_id"
                        + " left join ACT_HI_PROCINST pi on pi.BUSINESS_KEY_ = cast(cc.id as varchar(36)) and pi.PROC_DEF_KEY_ = 'citizen-call'"
                        + " left join ACT_HI_TASKINST t on t.PROC_INST_ID_ = pi.PROC_INST_ID_ and t.TASK_DEF_KEY_ = 'Task_CallCitizenBack'"
                        + " where cc.answered_by = 'FRONT_DESK' and cc.call_back_due >= :since and cc.call_back_due < :until and "
                        + callScope(scope), scope.parameters(),
                (rs, i) -> new CallBack(rs.getString("municipality_id"), instant(rs, "call_back_due"), instant(rs, "done_at"),
                        rs.getString("reason") != null && !"completed".equals(rs.getString("reason"))));
        Map<String, long[]> byMunicipality = new TreeMap<>();
        long kept = 0;
        long judged = 0;
        for (CallBack c : callBacks) {
            if (c.deleted() || c.done() == null && !c.due().isBefore(scope.now())) {
                continue; // cancelled, or not due yet
            }
            boolean in = c.done() != null && !c.done().isAfter(c.due());
            judged++;
            kept += in ? 1 : 0;
            long[] m = byMunicipality.computeIfAbsent(c.municipality(), k -> new long[2]);
            m[0] += in ? 1 : 0;
            m[1]++;
        }
        Map<String, Double> percents = new TreeMap<>();
        byMunicipality.forEach((m, c) -> percents.put(m, Stats.percent(c[0], c[1])));
        return new Result(new Figure("kept", "Holdt samme dag", Stats.percent(kept, judged), "%"),
                List.of(new Figure("due", "Tilbagekald med frist i perioden", (double) judged, "opkald"),
                        new Figure("kept-count", "Holdt", (double) kept, "opkald"),
                        new Figure("missed", "Ikke holdt", (double) (judged - kept), "opkald")),
                List.of(new Chart("by-municipality", "Holdt pr. kommune", "bar", "%", points(percents, this::name))), List.of());
    }

    // ------------------------------------------------------------------ kit faults

    Result kitFaults(KpiScope scope) {
        record Fault(PathwayRow row, String region, String status, boolean breached) {
        }
        List<Fault> faults = jdbc.query("select kf.pathway_id, kf.citizen_id, p.clinic_id, c.municipality_id, p.phase, mo.region,"
                        + " kf.status, kf.service_level_breached from kit_fault kf join citizen c on c.id = kf.citizen_id"
                        + " join organisation mo on mo.id = c.municipality_id left join pathway p on p.id = kf.pathway_id"
                        + " where kf.reported_at >= :since and kf.reported_at < :until and (c.municipality_id in (:orgs) or mo.region in (:regions)"
                        + " or p.clinic_id in (:orgs))" + (scope.region() == null ? "" : " and mo.region = :region"), scope.parameters(),
                (rs, i) -> new Fault(new PathwayRow(uuidOrNull(rs, "pathway_id"), uuid(rs, "citizen_id"), rs.getString("clinic_id"),
                        rs.getString("municipality_id"), rs.getString("phase"), phaseName(rs.getString("phase")), null, null, null),
                        rs.getString("region"), rs.getString("status"), rs.getBoolean("service_level_breached")));
        Map<String, long[]> byCenter = new TreeMap<>();
        Map<String, String> centers = new HashMap<>();
        for (Fault f : faults) {
            String center = centers.computeIfAbsent(f.region(), r -> serviceCenterOf(r).map(OrganisationView::name).orElse(r));
            long[] c = byCenter.computeIfAbsent(center, k -> new long[4]);
            c[0]++;
            c[1] += "SWAPPED".equals(f.status()) ? 1 : 0;
            c[2] += f.breached() ? 1 : 0;
            c[3] += "OPEN".equals(f.status()) ? 1 : 0;
        }
        long breaches = faults.stream().filter(Fault::breached).count();
        List<Point> perCenter = new ArrayList<>();
        byCenter.forEach((center, c) -> {
            perCenter.add(new Point(center + ":faults", center + ": fejl", c[0]));
            perCenter.add(new Point(center + ":swaps", center + ": byttet", c[1]));
            perCenter.add(new Point(center + ":breaches", center + ": over serviceniveau", c[2]));
        });
        List<PathwayRow> rows = faults.stream().filter(f -> f.row().pathwayId() != null)
                .map(f -> with(f.row(), f.breached() ? 1.0 : 0.0, "", statusName(f.status()) + (f.breached() ? ", over serviceniveau" : "")))
                .sorted(Comparator.comparing(PathwayRow::value).reversed()).toList();
        return new Result(new Figure("breached", "Over serviceniveau", Stats.percent(breaches, faults.size()), "%"),
                List.of(new Figure("faults", "Fejlmeldinger", (double) faults.size(), "fejl"),
                        new Figure("swaps", "Byttet", (double) faults.stream().filter(f -> "SWAPPED".equals(f.status())).count(), "telekit"),
                        new Figure("breaches", "Over serviceniveau", (double) breaches, "fejl"),
                        new Figure("open", "Stadig åbne", (double) faults.stream().filter(f -> "OPEN".equals(f.status())).count(), "fejl")),
                List.of(new Chart("by-service-center", "Pr. servicecenter", "bar", "fejl", perCenter)), rows);
    }

    private static String statusName(String status) {
        return switch (status) {
            case "OPEN" -> "åben";
            case "SOLVED" -> "løst";
            case "SWAPPED" -> "byttet";
            case "NOT_TECHNICAL" -> "ikke teknisk";
            default -> status;
        };
    }

    // ------------------------------------------------------------------ workload per organisation × role

    Result workload(KpiScope scope) {
        Map<String, Boolean> inScope = new HashMap<>();
        Function<String, Boolean> covered = group -> inScope.computeIfAbsent(group, g -> Membership.ofGroup(g)
                .flatMap(m -> organisations.find(m.organisationId())).map(o -> scope.covers(o.id(), o.region())).orElse(false));
        Map<String, Double> open = new TreeMap<>();
        long[] openTotal = new long[2];
        jdbc.query("select l.GROUP_ID_ group_id, count(*) n, sum(case when t.DUE_DATE_ < :now then 1 else 0 end) overdue"
                + " from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
                + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null group by l.GROUP_ID_", scope.parameters(), rs -> {
                    String group = rs.getString("group_id");
                    if (covered.apply(group)) {
                        open.put(group, (double) rs.getLong("n"));
                        openTotal[0] += rs.getLong("n");
                        openTotal[1] += rs.getLong("overdue");
                    }
                });
        Map<String, Double> created = Stats.weeks(scope.from(), scope.to());
        Map<String, Double> completed = Stats.weeks(scope.from(), scope.to());
        Map<String, List<Double>> waiting = new TreeMap<>();
        Map<String, List<Double>> working = new TreeMap<>();
        // the first claim by a join, not a lookup per task (the planner hashes the period's links once); a task claimed twice
        // comes twice, and its first claim is kept here (grouping 255,000 tasks in SQL cost more than it saved)
        record Task(String name, Instant start, Instant end, String reason, Instant claimed) {
        }
        Map<String, Task> tasks = new HashMap<>();
        jdbc.query("select t.ID_ task_id, t.NAME_ name, t.START_TIME_ start_at, t.END_TIME_ end_at, t.DELETE_REASON_ reason, l.GROUP_ID_ group_id,"
                + " a.TIMESTAMP_ claimed_at"
                + " from ACT_HI_TASKINST t join ACT_HI_IDENTITYLINK l on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'"
                + " and l.OPERATION_TYPE_ = 'add' and l.GROUP_ID_ is not null"
                + " left join ACT_HI_IDENTITYLINK a on a.TASK_ID_ = t.ID_ and a.TYPE_ = 'assignee' and a.OPERATION_TYPE_ = 'add'"
                + " where (t.START_TIME_ >= :since and t.START_TIME_ < :until) or (t.END_TIME_ >= :since and t.END_TIME_ < :until)",
                scope.parameters(), rs -> {
                    if (!covered.apply(rs.getString("group_id"))) {
                        return;
                    }
                    Task task = new Task(rs.getString("name"), instant(rs, "start_at"), instant(rs, "end_at"), rs.getString("reason"),
                            instant(rs, "claimed_at"));
                    tasks.merge(rs.getString("task_id") + "\u0000" + rs.getString("group_id"), task, (a, b) -> a.claimed() == null
                            || b.claimed() != null && b.claimed().isBefore(a.claimed()) ? b : a);
                });
        for (Task task : tasks.values()) {
            Instant start = task.start();
            Instant end = task.end();
            Instant claimed = task.claimed();
            if (scope.inPeriod(start)) {
                created.merge(Stats.week(day(start, scope.zone())), 1.0, Double::sum);
            }
            if (end != null && scope.inPeriod(end) && "completed".equals(task.reason())) {
                completed.merge(Stats.week(day(end, scope.zone())), 1.0, Double::sum);
                Instant picked = claimed != null && claimed.isBefore(end) ? claimed : end;
                waiting.computeIfAbsent(task.name(), k -> new ArrayList<>()).add(Stats.hours(start, picked));
                if (claimed != null && claimed.isBefore(end)) {
                    working.computeIfAbsent(task.name(), k -> new ArrayList<>()).add(Stats.hours(claimed, end));
                }
            }
        }
        Map<String, Double> waitingP50 = new TreeMap<>();
        waiting.forEach((type, h) -> waitingP50.put(type, Stats.round(Stats.percentile(h, 50))));
        Map<String, Double> workingP50 = new TreeMap<>();
        working.forEach((type, h) -> workingP50.put(type, Stats.round(Stats.percentile(h, 50))));
        return new Result(new Figure("open", "Åbne opgaver nu", (double) openTotal[0], "opgaver"),
                List.of(new Figure("overdue", "Åbne og forfaldne", (double) openTotal[1], "opgaver"),
                        new Figure("created", "Oprettet i perioden", created.values().stream().mapToDouble(Double::doubleValue).sum(), "opgaver"),
                        new Figure("completed", "Udført i perioden", completed.values().stream().mapToDouble(Double::doubleValue).sum(), "opgaver")),
                List.of(new Chart("open-by-team", "Åbne opgaver pr. team", "bar", "opgaver", points(open, this::teamName)),
                        new Chart("created-by-week", "Oprettet pr. uge", "line", "opgaver", points(created, Stats::weekLabel)),
                        new Chart("completed-by-week", "Udført pr. uge", "line", "opgaver", points(completed, Stats::weekLabel)),
                        new Chart("waiting-by-type", "Ventetid (oprettet → taget), median", "bar", "timer", points(waitingP50, t -> t)),
                        new Chart("working-by-type", "Arbejdstid (taget → udført), median", "bar", "timer", points(workingP50, t -> t))),
                List.of());
    }

    // ------------------------------------------------------------------ measurements

    Result measurements(KpiScope scope) {
        Map<String, Double> byColour = new LinkedHashMap<>();
        for (String colour : List.of("GREEN", "YELLOW", "RED", "CHECK", "UNCOLOURED")) {
            byColour.put(colour, 0.0);
        }
        Map<String, Double> byType = new TreeMap<>();
        long[] total = new long[1];
        // on PostgreSQL the day counts of kpi_measurement_day, kept by the intake's trigger, keyed by what the scope reads
        String sql = rollups(scope)
                ? "select k.type, nullif(k.colour, '') colour, sum(k.n) n from kpi_measurement_day k where k.day >= :fromDay"
                + " and k.day < :untilDay and " + scope.pathways("k", "k") + " group by k.type, k.colour having sum(k.n) <> 0"
                : "select m.type, m.colour, count(*) n from measurement m join pathway p on p.id = m.pathway_id"
                + " join citizen c on c.id = p.citizen_id where m.received_at >= :since and m.received_at < :until and m.retracted_at is null and "
                + scope.pathways("p", "c") + " group by m.type, m.colour";
        MapSqlParameterSource params = scope.parameters().addValue("fromDay", java.sql.Date.valueOf(scope.from()))
                .addValue("untilDay", java.sql.Date.valueOf(scope.to().plusDays(1)));
        jdbc.query(sql, params, rs -> {
                    String colour = rs.getString("colour") == null ? "UNCOLOURED" : rs.getString("colour");
                    byColour.merge(colour, (double) rs.getLong("n"), Double::sum);
                    byType.merge(rs.getString("type"), (double) rs.getLong("n"), Double::sum);
                    total[0] += rs.getLong("n");
                });
        Map<String, String> colours = Map.of("GREEN", "Grøn", "YELLOW", "Gul", "RED", "Rød", "CHECK", "Tjek", "UNCOLOURED", "Ikke farvet");
        return new Result(new Figure("received", "Modtaget i perioden", (double) total[0], "målinger"),
                List.of(new Figure("red", "Røde", byColour.get("RED"), "målinger"), new Figure("yellow", "Gule", byColour.get("YELLOW"), "målinger")),
                List.of(new Chart("by-colour", "Målinger efter farve", "bar", "målinger", points(byColour, colours::get)),
                        new Chart("by-type", "Målinger efter type", "bar", "målinger",
                                points(byType, t -> dk.carepath.pathway.MeasurementType.valueOf(t).danish()))), List.of());
    }

    // ------------------------------------------------------------------ helpers

    private List<Point> countBy(List<PathwayRow> rows, Function<PathwayRow, String> key) {
        Map<String, Double> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(key.apply(r), 1.0, Double::sum));
        return points(counts, this::name);
    }

    private static List<Point> points(Map<String, Double> values, Function<String, String> label) {
        List<Point> points = new ArrayList<>();
        values.forEach((k, v) -> points.add(new Point(k, label.apply(k), v == null ? 0 : v)));
        return points;
    }

    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    private String name(String organisationId) {
        return organisationId == null ? "–" : names.computeIfAbsent(organisationId,
                id -> organisations.find(id).map(OrganisationView::name).orElse(id));
    }

    private String teamName(String group) {
        return Membership.ofGroup(group).map(m -> name(m.organisationId()) + " – " + m.role().danish()).orElse(group);
    }

    private Optional<OrganisationView> serviceCenterOf(String region) {
        try {
            return Optional.of(organisations.serviceCenterOf(region));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static PathwayRow row(ResultSet rs, Double value, String unit, String note) throws SQLException {
        String phase = rs.getString("phase");
        return new PathwayRow(uuid(rs, "id"), uuid(rs, "citizen_id"), rs.getString("clinic_id"), rs.getString("municipality_id"),
                phase, phaseName(phase), value, unit, note);
    }

    private static String phaseName(String phase) {
        return phase == null ? null : Phase.valueOf(phase).danish();
    }

    private static PathwayRow with(PathwayRow row, Double value, String unit, String note) {
        return new PathwayRow(row.pathwayId(), row.citizenId(), row.clinicId(), row.municipalityId(), row.phase(), row.phaseName(),
                value, unit, note);
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static UUID uuidOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : uuid(rs, column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant firstOf(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String zoneLiteral(ZoneId zone) {
        String id = zone.getId();
        if (!id.matches("[A-Za-z0-9/_+-]+")) {
            throw new IllegalStateException("unexpected zone id " + id);
        }
        return id;
    }
}
