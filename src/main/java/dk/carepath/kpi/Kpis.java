package dk.carepath.kpi;

import dk.carepath.audit.AuditTrail;
import dk.carepath.kpi.KpiCalculations.PathwayRow;
import dk.carepath.kpi.KpiCalculations.Result;
import dk.carepath.region.Organisations;
import dk.carepath.web.ProblemException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The managers' KPIs (docs/kpis.md), scoped to what the acting manager oversees: each figure with
 * its target, and the pathways behind it, whose listing is in the access log like any read of
 * citizen data.
 */
@Service
class Kpis {

    /** at most so many pathways are listed behind a figure (the worst first) */
    static final int DRILL_DOWN_LIMIT = 500;

    private final KpiCalculations calculations;
    private final KpiScopes scopes;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final KpiTargets targets;
    private final KpiCache cache;

    Kpis(KpiCalculations calculations, KpiScopes scopes, Organisations organisations, AuditTrail audit, KpiTargets targets,
         KpiCache cache) {
        this.calculations = calculations;
        this.cache = cache;
        this.scopes = scopes;
        this.organisations = organisations;
        this.audit = audit;
        this.targets = targets;
    }

    record Organisation(String id, String name, String kind, String region) {
    }

    /** what the figures count: the filters as given or defaulted, and the organisations in scope */
    record ScopeView(String region, String organisation, LocalDate from, LocalDate to, List<Organisation> organisations) {
    }

    record Report(ScopeView scope, List<Kpi> kpis) {
    }

    record Drill(ScopeView scope, String kpi, String name, int total, boolean truncated, List<PathwayRow> pathways) {
    }

    KpiScope scope(String region, String organisation, LocalDate from, LocalDate to) {
        return scopes.resolve(region, organisation, from, to);
    }

    Report all(KpiScope scope) {
        return new Report(view(scope), Arrays.stream(KpiDefinition.values()).map(d -> kpi(d, scope, calculate(d, scope))).toList());
    }

    Report one(String id, KpiScope scope) {
        KpiDefinition definition = definition(id);
        return new Report(view(scope), List.of(kpi(definition, scope, calculate(definition, scope))));
    }

    Drill pathways(String id, KpiScope scope) {
        KpiDefinition definition = definition(id);
        if (!definition.drillDown()) {
            throw ProblemException.notFound("the KPI '" + id + "' counts no pathways: it has no drill-down");
        }
        List<PathwayRow> rows = compute(definition, scope).pathways(); // the cache keeps no pathways: computed now
        List<PathwayRow> shown = rows.size() > DRILL_DOWN_LIMIT ? rows.subList(0, DRILL_DOWN_LIMIT) : rows;
        if (!shown.isEmpty()) {
            audit.readEach("kpi-pathways", shown.stream().map(r -> new AuditTrail.Subject(r.citizenId(), r.pathwayId())).toList(),
                    "KPI " + id + " " + scope.from() + " to " + scope.to());
        }
        return new Drill(view(scope), definition.id(), definition.danish(), rows.size(), shown.size() < rows.size(), List.copyOf(shown));
    }

    static KpiDefinition definition(String id) {
        return KpiDefinition.byId(id).orElseThrow(() -> ProblemException.notFound("no KPI '"
                + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'; the KPIs are " + Arrays.stream(KpiDefinition.values())
                .map(KpiDefinition::id).toList()));
    }

    /**
     * the KPI's answer for the scope, from the cache of the last minute (KpiCache) or computed now; the cache keeps
     * answers without the pathways behind them (a year's red-action lists 200,000: the drill-down computes them anew)
     */
    private Result calculate(KpiDefinition definition, KpiScope scope) {
        return cache.get(definition.id(), scope, () -> switch (definition) {
            // two answers of one computation (per pathway): made and kept together
            case ADHERENCE, MISSING_ALARMS -> {
                List<KpiCalculations.Adherence> all = calculations.adherence(scope);
                Result adherence = figuresOnly(calculations.adherenceFigure(all));
                Result missing = figuresOnly(calculations.missingAlarms(all));
                KpiDefinition other = definition == KpiDefinition.ADHERENCE ? KpiDefinition.MISSING_ALARMS : KpiDefinition.ADHERENCE;
                cache.offer(other.id(), scope, other == KpiDefinition.ADHERENCE ? adherence : missing);
                yield definition == KpiDefinition.ADHERENCE ? adherence : missing;
            }
            default -> figuresOnly(compute(definition, scope));
        });
    }

    private static Result figuresOnly(Result result) {
        return new Result(result.headline(), result.figures(), result.charts(), List.of());
    }

    private Result compute(KpiDefinition definition, KpiScope scope) {
        return switch (definition) {
            case PHASES -> calculations.phases(scope);
            case REFERRALS -> calculations.referrals(scope);
            case INCLUSION_RATE -> calculations.inclusionRate(scope);
            case LEAD_REFERRAL_INCLUSION -> calculations.leadReferralInclusion(scope);
            case LEAD_INCLUSION_KIT -> calculations.leadInclusionKit(scope);
            case LEAD_KIT_FIRST_MEASUREMENT -> calculations.leadKitFirstMeasurement(scope);
            case LEAD_STARTUP_TITRATION -> calculations.leadStartupTitration(scope);
            case REASSESSMENTS -> calculations.reassessments(scope);
            case RED_ACTION -> calculations.redAction(scope);
            case ADHERENCE -> calculations.adherenceFigure(scope);
            case MISSING_ALARMS -> calculations.missingAlarms(scope);
            case OUTCOMES -> calculations.outcomes(scope);
            case CALLS -> calculations.calls(scope);
            case CALL_BACKS -> calculations.callBacks(scope);
            case KIT_FAULTS -> calculations.kitFaults(scope);
            case WORKLOAD -> calculations.workload(scope);
            case MEASUREMENTS -> calculations.measurements(scope);
        };
    }

    private Kpi kpi(KpiDefinition d, KpiScope scope, Result result) {
        Kpi.Target target = targets.of(d, scope);
        Double value = result.headline().value();
        Kpi.Status status = target == null || value == null ? Kpi.Status.NONE : target.met(value) ? Kpi.Status.MET : Kpi.Status.MISSED;
        return new Kpi(d.id(), d.danish(), d.question(), d.unit(), value, target, status, result.figures(), result.charts(), d.drillDown());
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value).replace('.', ',');
    }

    private ScopeView view(KpiScope scope) {
        List<Organisation> inScope = scope.organisations().stream().sorted()
                .map(id -> organisations.find(id).map(o -> new Organisation(o.id(), o.name(), o.kind().name(), o.region()))
                        .orElse(new Organisation(id, id, null, null))).toList();
        return new ScopeView(scope.region(), scope.organisation(), scope.from(), scope.to(), inScope);
    }
}
