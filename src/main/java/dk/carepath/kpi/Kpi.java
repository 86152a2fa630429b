package dk.carepath.kpi;

import java.util.List;

/**
 * One key figure as the API, the CSV and the dashboard show it: the headline value, its target and
 * whether it is met, the figures behind it and the charts.
 *
 * @param value     the headline figure (null when there is nothing to count in the period)
 * @param drillDown whether {@code /api/kpis/{id}/pathways} lists the pathways behind it
 */
record Kpi(String id, String name, String question, String unit, Double value, Target target, Status status,
           List<Figure> figures, List<Chart> charts, boolean drillDown) {

    /** the value meets the target when it is at least (AT_LEAST) or at most (AT_MOST) the target */
    record Target(Comparison comparison, double value, String text) {
        boolean met(double figure) {
            return comparison == Comparison.AT_LEAST ? figure >= value : figure <= value;
        }
    }

    enum Comparison {AT_LEAST, AT_MOST}

    enum Status {MET, MISSED, NONE}

    record Figure(String key, String label, Double value, String unit) {
    }

    /** @param type bar or line (weekly trends) */
    record Chart(String id, String title, String type, String unit, List<Point> points) {
    }

    record Point(String key, String label, double value) {
    }
}
