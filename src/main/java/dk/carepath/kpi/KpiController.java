package dk.carepath.kpi;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' KPIs (docs/kpis.md) as JSON, or as CSV with {@code Accept: text/csv} or a
 * {@code .csv} path; every figure filtered by {@code region}, {@code organisation} and the period
 * {@code from}–{@code to} (ISO dates, both included; default the last twelve weeks), within what the
 * manager oversees.
 */
@RestController
@RequestMapping("/api/kpis")
class KpiController {

    private final Kpis kpis;

    KpiController(Kpis kpis) {
        this.kpis = kpis;
    }

    @GetMapping
    ResponseEntity<?> all(@RequestParam(required = false) String region, @RequestParam(required = false) String organisation,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestHeader(value = "Accept", required = false) String accept) {
        Kpis.Report report = kpis.all(kpis.scope(region, organisation, from, to));
        return wantsCsv(accept) ? KpiCsv.report(report, "alle") : json(report);
    }

    @GetMapping("/{kpi}")
    ResponseEntity<?> one(@PathVariable String kpi, @RequestParam(required = false) String region,
                          @RequestParam(required = false) String organisation,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestHeader(value = "Accept", required = false) String accept) {
        Kpis.definition(kpi);
        Kpis.Report report = kpis.one(kpi, kpis.scope(region, organisation, from, to));
        return wantsCsv(accept) ? KpiCsv.report(report, kpi) : json(report);
    }

    @GetMapping("/{kpi}.csv")
    ResponseEntity<String> csv(@PathVariable String kpi, @RequestParam(required = false) String region,
                               @RequestParam(required = false) String organisation,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Kpis.definition(kpi);
        return KpiCsv.report(kpis.one(kpi, kpis.scope(region, organisation, from, to)), kpi);
    }

    /** The pathways behind a figure (ids, organisations, phase, their value); in the access log. */
    @GetMapping("/{kpi}/pathways")
    ResponseEntity<?> pathways(@PathVariable String kpi, @RequestParam(required = false) String region,
                               @RequestParam(required = false) String organisation,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestHeader(value = "Accept", required = false) String accept) {
        Kpis.definition(kpi);
        Kpis.Drill drill = kpis.pathways(kpi, kpis.scope(region, organisation, from, to));
        return wantsCsv(accept) ? KpiCsv.drill(drill) : json(drill);
    }

    /** CSV when the client asks for it before (or instead of) JSON */
    static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        java.util.List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
