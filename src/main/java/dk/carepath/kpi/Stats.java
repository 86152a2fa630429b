package dk.carepath.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles, shares and weeks, as docs/kpis.md defines them. */
final class Stats {

    private Stats() {
    }

    /**
     * The nearest-rank percentile: the smallest value such that at least {@code p} % of the values
     * are at or below it (p50 of 1, 2, 3, 4 is 2; p90 of ten values is the ninth); null for no values.
     */
    static Double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    /** part of whole in per cent, null when the whole is nothing */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /** the ISO week of a day, e.g. 2026-W05 */
    /** the ISO week of each day asked (a few thousand days at most): a year's tasks ask it a quarter of a million times */
    private static final Map<LocalDate, String> WEEKS = new java.util.concurrent.ConcurrentHashMap<>();

    static String week(LocalDate day) {
        return WEEKS.computeIfAbsent(day, d -> d.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    static String weekLabel(String week) {
        return "uge " + Integer.parseInt(week.substring(week.indexOf('W') + 1));
    }

    /** every week of the period, in order, counting zero */
    static Map<String, Double> weeks(LocalDate from, LocalDate to) {
        Map<String, Double> weeks = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            weeks.putIfAbsent(week(day), 0.0);
        }
        return weeks;
    }
}
