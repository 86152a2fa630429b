package dk.carepath.kpi;

import dk.carepath.web.Csv;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** The KPIs as CSV for a spreadsheet (web.Csv: semicolons, decimal commas, a byte-order mark). */
final class KpiCsv {

    private KpiCsv() {
    }

    static ResponseEntity<String> report(Kpis.Report report, String name) {
        Csv csv = new Csv().row(List.of("Periode fra", "Periode til", "KPI", "Navn", "Del", "Nøgle", "Betegnelse", "Værdi", "Enhed", "Mål",
                "Status"));
        String from = report.scope().from().toString();
        String to = report.scope().to().toString();
        for (Kpi k : report.kpis()) {
            csv.row(List.of(from, to, k.id(), k.name(), "nøgletal", k.id(), k.name(), number(k.value()), k.unit(),
                    k.target() == null ? "" : k.target().text(), status(k.status())));
            for (Kpi.Figure f : k.figures()) {
                csv.row(List.of(from, to, k.id(), k.name(), "tal", f.key(), f.label(), number(f.value()), f.unit(), "", ""));
            }
            for (Kpi.Chart c : k.charts()) {
                for (Kpi.Point p : c.points()) {
                    csv.row(List.of(from, to, k.id(), k.name(), c.title(), p.key(), p.label(), number(p.value()), c.unit(), "", ""));
                }
            }
        }
        return csv.download("kpi-" + name + "-" + from + "-" + to + ".csv");
    }

    static ResponseEntity<String> drill(Kpis.Drill drill) {
        Csv csv = new Csv().row(List.of("KPI", "Forløb", "Klinik", "Kommune", "Fase", "Værdi", "Enhed", "Bemærkning"));
        for (KpiCalculations.PathwayRow r : drill.pathways()) {
            csv.row(new ArrayList<>(java.util.Arrays.asList(drill.kpi(), String.valueOf(r.pathwayId()), r.clinicId(), r.municipalityId(),
                    r.phaseName(), number(r.value()), r.unit(), r.note())));
        }
        return csv.download("kpi-" + drill.kpi() + "-forloeb-" + drill.scope().from() + "-" + drill.scope().to() + ".csv");
    }

    static String number(Double value) {
        return value == null ? "" : Kpis.format(Stats.round(value));
    }

    private static String status(Kpi.Status status) {
        return switch (status) {
            case MET -> "mål nået";
            case MISSED -> "mål ikke nået";
            case NONE -> "";
        };
    }
}
