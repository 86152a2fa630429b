package dk.carepath.triage;

import dk.carepath.measurement.Colour;
import dk.carepath.measurement.StoredMeasurement;
import dk.carepath.pathway.MeasurementType;
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

        List<Series> weight = new ArrayList<>();
        weight.add(values("Vægt (kg)", ascending, MeasurementType.WEIGHT, StoredMeasurement::value));
        Map<String, Number> weightNow = new LinkedHashMap<>();
        if (reference != null) {
            weight.add(steps("Referencevægt", "REFERENCE", sets, t -> reference, from, to));
            weightNow.put("reference", reference);
            addBand(weight, weightNow, sets, from, to, "Rød øvre", "redHigh", "RED", t -> plus(reference, t.weightRedHigh()));
            addBand(weight, weightNow, sets, from, to, "Gul øvre", "yellowHigh", "YELLOW", t -> plus(reference, t.weightYellowHigh()));
            addBand(weight, weightNow, sets, from, to, "Gul nedre", "yellowLow", "YELLOW", t -> plus(reference, t.weightYellowLow()));
            addBand(weight, weightNow, sets, from, to, "Rød nedre", "redLow", "RED", t -> plus(reference, t.weightRedLow()));
        }
        charts.add(new Chart("chart-weight", "Vægt", "kg", from.toEpochMilli(), to.toEpochMilli(), weight, weightNow));

        List<Series> pulse = new ArrayList<>();
        pulse.add(values("Puls (/min)", ascending, MeasurementType.PULSE, StoredMeasurement::value));
        Map<String, Number> pulseNow = new LinkedHashMap<>();
        addBand(pulse, pulseNow, sets, from, to, "Rød øvre", "redHigh", "RED", Thresholds::pulseRedHigh);
        addBand(pulse, pulseNow, sets, from, to, "Gul øvre", "yellowHigh", "YELLOW", Thresholds::pulseYellowHigh);
        addBand(pulse, pulseNow, sets, from, to, "Gul nedre", "yellowLow", "YELLOW", Thresholds::pulseYellowLow);
        addBand(pulse, pulseNow, sets, from, to, "Rød nedre", "redLow", "RED", Thresholds::pulseRedLow);
        charts.add(new Chart("chart-pulse", "Puls", "/min", from.toEpochMilli(), to.toEpochMilli(), pulse, pulseNow));

        List<Series> pressure = new ArrayList<>();
        pressure.add(values("Systolisk (mmHg)", ascending, MeasurementType.BLOOD_PRESSURE, StoredMeasurement::value));
        pressure.add(values("Diastolisk (mmHg)", ascending, MeasurementType.BLOOD_PRESSURE, StoredMeasurement::value2));
        Map<String, Number> pressureNow = new LinkedHashMap<>();
        addBand(pressure, pressureNow, sets, from, to, "Systolisk rød øvre", "systolicRedHigh", "RED", Thresholds::systolicRedHigh);
        addBand(pressure, pressureNow, sets, from, to, "Systolisk gul øvre", "systolicYellowHigh", "YELLOW", Thresholds::systolicYellowHigh);
        addBand(pressure, pressureNow, sets, from, to, "Systolisk gul nedre", "systolicYellowLow", "YELLOW", Thresholds::systolicYellowLow);
        addBand(pressure, pressureNow, sets, from, to, "Systolisk rød nedre", "systolicRedLow", "RED", Thresholds::systolicRedLow);
        addBand(pressure, pressureNow, sets, from, to, "Diastolisk rød øvre", "diastolicRedHigh", "RED", Thresholds::diastolicRedHigh);
        addBand(pressure, pressureNow, sets, from, to, "Diastolisk gul øvre", "diastolicYellowHigh", "YELLOW", Thresholds::diastolicYellowHigh);
        addBand(pressure, pressureNow, sets, from, to, "Diastolisk gul nedre", "diastolicYellowLow", "YELLOW", Thresholds::diastolicYellowLow);
        addBand(pressure, pressureNow, sets, from, to, "Diastolisk rød nedre", "diastolicRedLow", "RED", Thresholds::diastolicRedLow);
        charts.add(new Chart("chart-blood-pressure", "Blodtryk", "mmHg", from.toEpochMilli(), to.toEpochMilli(), pressure, pressureNow));
        return charts;
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
