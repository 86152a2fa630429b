package dk.carepath.triage;

import dk.carepath.measurement.Colour;
import dk.carepath.measurement.StoredMeasurement;
import dk.carepath.pathway.Band;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Quantity;
import dk.carepath.pathway.MonitoringPlanView;
import dk.carepath.pathway.ThresholdSetView;
import dk.carepath.pathway.Thresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The citizen page's charts as data: the measurements of a period and, as step lines, the
 * thresholds that were in force over it (every version of the citizen's threshold set, so a changed
 * threshold shows where it changed). Weight is drawn against the reference weight and its bands
 * (reference + the weight thresholds). The page embeds each chart as JSON for Chart.js; tests read
 * the same JSON.
 */
final class Charts {

    /** A point: x in epoch milliseconds, y the value (null: a gap). */
    record Point(long x, Number y) {
    }

    /** A line: a measurement series, or a threshold ({@code kind} RED, YELLOW or REFERENCE) drawn as steps. */
    record Series(String label, String kind, List<Point> points, List<String> colours) {
    }

    /** One chart: its series, its unit, the thresholds in force now (by name) and the period. */
    record Chart(String id, String title, String unit, long from, long to, List<Series> series, Map<String, Number> thresholds) {
    }

    private Charts() {
    }

    static List<Chart> of(List<StoredMeasurement> measurements, MonitoringPlanView plan, Instant from, Instant to) {
        List<StoredMeasurement> ascending = measurements.stream().sorted(Comparator.comparing(StoredMeasurement::measuredAt)).toList();
        List<ThresholdSetView> sets = plan == null ? List.of() : inForce(plan.thresholdHistory(), plan.currentThresholds(), from);
        BigDecimal reference = plan == null ? null : plan.referenceWeightKg();
        List<Chart> charts = new ArrayList<>();
        for (MeasurementType type : MeasurementType.values()) {
            if (type.charted()) {
                charts.add(chart(type, ascending, sets, reference, from, to));
            }
        }
        return charts;
    }

    /**
     * A type's chart: a series per value, and each thresholded value's bands as steps (highest first);
     * thresholds relative to the reference weight are drawn around it, and only when there is one.
     * Bands are named by band ("redHigh") on a chart with one thresholded value, by threshold
     * ("systolicRedHigh") on one with several.
     */
    private static Chart chart(MeasurementType type, List<StoredMeasurement> ascending, List<ThresholdSetView> sets, BigDecimal reference,
                               Instant from, Instant to) {
        List<Series> series = new ArrayList<>();
        List<Quantity> quantities = type.quantities();
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            series.add(values(q.danish() + " (" + q.unit() + ")", ascending, type, i == 0 ? StoredMeasurement::value : StoredMeasurement::value2));
        }
        Map<String, Number> now = new LinkedHashMap<>();
        List<Quantity> thresholded = type.thresholded();
        for (Quantity q : thresholded) {
            boolean relative = q.thresholds().relativeToReference();
            if (relative && reference == null) {
                continue;
            }
            if (relative && !now.containsKey("reference")) {
                series.add(steps("Referencevægt", "REFERENCE", sets, t -> reference, from, to));
                now.put("reference", reference);
            }
            List<Band> highestFirst = new ArrayList<>(List.of(Band.values()));
            java.util.Collections.reverse(highestFirst);
            for (Band band : highestFirst) {
                String label = thresholded.size() == 1 ? capitalised(band.danish()) : q.label(band);
                String name = thresholded.size() == 1 ? Character.toLowerCase(band.suffix().charAt(0)) + band.suffix().substring(1)
                        : q.threshold(band);
                Function<Thresholds, Number> value = relative ? t -> plus(reference, t.get(q, band)) : t -> t.get(q, band);
                addBand(series, now, sets, from, to, label, name, band.red() ? "RED" : "YELLOW", value);
            }
        }
        String id = "chart-" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new Chart(id, type.danish(), type.primary().unit(), from.toEpochMilli(), to.toEpochMilli(), series, now);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The threshold sets in force over the period, oldest first: the one in force at its start, and those set since. */
    static List<ThresholdSetView> inForce(List<ThresholdSetView> history, ThresholdSetView current, Instant from) {
        List<ThresholdSetView> all = new ArrayList<>(history == null ? List.of() : history);
        if (all.isEmpty() && current != null) {
            all.add(current);
        }
        all.sort(Comparator.comparing(ThresholdSetView::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ThresholdSetView> used = new ArrayList<>();
        for (ThresholdSetView set : all) {
            if (set.validFrom() == null || !set.validFrom().isAfter(from)) {
                used.clear();
            }
            used.add(set);
        }
        return used;
    }

    private static void addBand(List<Series> series, Map<String, Number> now, List<ThresholdSetView> sets, Instant from, Instant to,
                                String label, String name, String kind, Function<Thresholds, Number> value) {
        if (sets.isEmpty() || sets.stream().allMatch(s -> s.thresholds() == null || value.apply(s.thresholds()) == null)) {
            return;
        }
        series.add(steps(label, kind, sets, value, from, to));
        Thresholds current = sets.get(sets.size() - 1).thresholds();
        Number n = current == null ? null : value.apply(current);
        if (n != null) {
            now.put(name, n);
        }
    }

    /** A threshold as steps: from each set's start (or the period's) to the next, and on to the period's end. */
    private static Series steps(String label, String kind, List<ThresholdSetView> sets, Function<Thresholds, Number> value,
                                Instant from, Instant to) {
        List<Point> points = new ArrayList<>();
        Number last = null;
        for (ThresholdSetView set : sets) {
            // the first set is drawn from the period's start: it was in force then, or, as the citizen's first set,
            // it coloured every measurement taken before it
            Instant start = points.isEmpty() || set.validFrom() == null || set.validFrom().isBefore(from) ? from : set.validFrom();
            last = set.thresholds() == null ? null : value.apply(set.thresholds());
            points.add(new Point(start.toEpochMilli(), last));
        }
        points.add(new Point(to.toEpochMilli(), last));
        return new Series(label, kind, points, List.of());
    }

    private static Series values(String label, List<StoredMeasurement> ascending, MeasurementType type,
                                 Function<StoredMeasurement, BigDecimal> value) {
        List<Point> points = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        for (StoredMeasurement m : ascending) {
            if (m.type() == type && value.apply(m) != null) {
                points.add(new Point(m.measuredAt().toEpochMilli(), value.apply(m)));
                colours.add((m.colour() == null ? Colour.UNCOLOURED : m.colour()).name());
            }
        }
        return new Series(label, "MEASUREMENT", points, colours);
    }

    private static BigDecimal plus(BigDecimal reference, BigDecimal delta) {
        return delta == null ? null : reference.add(delta);
    }
}
