package dk.carepath.kpi;

import dk.carepath.region.Organisations;
import dk.carepath.region.RegionPack;
import dk.carepath.region.RegionPackProblem;
import dk.carepath.region.RegionPackRule;
import dk.carepath.region.Regions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The target a KPI is measured against: the region's own ({@code kpi-targets} in its pack, changed
 * without a restart like the rest of the pack), else the installation's ({@code carepath.kpi.targets.<id>}),
 * else the default of docs/kpis.md. Figures over one region are measured against that region's
 * targets; figures over several regions against the installation's. Also checks a pack's targets
 * before the pack is used: an unknown KPI, a KPI without a target, a percentage outside 0–100.
 */
@Component
class KpiTargets implements RegionPackRule {

    private final Regions regions;
    private final Organisations organisations;
    private final Environment environment;

    // lazy: the regions read their packs through this rule when they are made
    KpiTargets(@Lazy Regions regions, Organisations organisations, Environment environment) {
        this.regions = regions;
        this.organisations = organisations;
        this.environment = environment;
    }

    /** the target for a KPI over this scope, or null for a KPI that counts without one */
    Kpi.Target of(KpiDefinition d, KpiScope scope) {
        if (d.comparison() == null) {
            return null;
        }
        String region = regionOf(scope);
        BigDecimal own = region == null ? null : regions.find(region).map(p -> p.kpiTargets().get(d.id())).orElse(null);
        double value = own != null ? own.doubleValue()
                : environment.getProperty("carepath.kpi.targets." + d.id(), Double.class, d.defaultTarget());
        String text = (d.comparison() == Kpi.Comparison.AT_LEAST ? "≥ " : "≤ ") + Kpis.format(value) + " " + d.unit()
                + (own != null ? " (regionens mål)" : "");
        return new Kpi.Target(d.comparison(), value, text);
    }

    /** the one region the figures are about: the filter's, or the only region the scope's organisations lie in */
    private String regionOf(KpiScope scope) {
        if (scope.region() != null) {
            return scope.region();
        }
        Set<String> inScope = scope.organisations().stream().map(organisations::find)
                .flatMap(java.util.Optional::stream).map(o -> o.region()).filter(Objects::nonNull).collect(Collectors.toSet());
        inScope.addAll(scope.regions());
        return inScope.size() == 1 ? inScope.iterator().next() : null;
    }

    @Override
    public List<RegionPackProblem> check(String file, RegionPack pack) {
        List<RegionPackProblem> problems = new ArrayList<>();
        List<String> targeted = Arrays.stream(KpiDefinition.values()).filter(d -> d.comparison() != null).map(KpiDefinition::id).toList();
        pack.kpiTargets().forEach((id, value) -> {
            String field = "kpi-targets." + id;
            KpiDefinition d = KpiDefinition.byId(id).orElse(null);
            if (d == null || d.comparison() == null) {
                problems.add(new RegionPackProblem(file, field, (d == null ? "no KPI '" + id + "'" : "the KPI '" + id + "' has no target")
                        + "; KPIs with targets: " + targeted, (d == null ? "der er ingen nøgletal '" + id + "'" : "nøgletallet '" + id
                        + "' har intet mål") + "; nøgletal med mål: " + targeted));
            } else if (value == null || value.signum() < 0 || ("%".equals(d.unit()) && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
                String range = "%".equals(d.unit()) ? "0–100" : "0 or more";
                problems.add(new RegionPackProblem(file, field, "a target in " + d.unit() + ", " + range + " (was " + value + ")",
                        "et mål i " + d.unit() + ", " + range.replace("or more", "eller mere") + " (var " + value + ")"));
            }
        });
        return problems;
    }
}
