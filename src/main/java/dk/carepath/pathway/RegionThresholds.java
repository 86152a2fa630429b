package dk.carepath.pathway;

import dk.carepath.region.RegionPack;
import dk.carepath.region.RegionPackProblem;
import dk.carepath.region.RegionPackRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A region's default thresholds ({@code thresholds} in its pack), by thresholded value: checked
 * against the measurement types' bands before the pack is used, and the thresholds a new plan
 * starts from (the guideline's where the region sets none).
 */
@Component
class RegionThresholds implements RegionPackRule {

    @Override
    public List<RegionPackProblem> check(String file, RegionPack pack) {
        List<RegionPackProblem> problems = new ArrayList<>();
        List<String> known = MeasurementType.allThresholded().stream().map(Quantity::name).toList();
        pack.thresholds().forEach((name, values) -> {
            String field = "thresholds." + name;
            Quantity q = MeasurementType.allThresholded().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
            if (q == null) {
                problems.add(new RegionPackProblem(file, field, "unknown measured value '" + name + "' (known: " + known + ")",
                        "ukendt måleværdi '" + name + "' (kendte: " + known + ")"));
            } else if (values == null || values.size() != 4 || values.contains(null)) {
                problems.add(new RegionPackProblem(file, field, "four values: red low, yellow low, yellow high, red high",
                        "fire værdier: rød nedre, gul nedre, gul øvre, rød øvre"));
            } else {
                for (String problem : Thresholds.problems(q, values)) {
                    problems.add(new RegionPackProblem(file, field, "not valid thresholds (" + q.name() + ": " + values + ")", problem));
                }
            }
        });
        return problems;
    }

    /** the thresholds a new plan in the region starts from */
    static Thresholds of(RegionPack pack) {
        Thresholds thresholds = Thresholds.DEFAULT;
        if (pack == null) {
            return thresholds;
        }
        for (Map.Entry<String, List<BigDecimal>> e : pack.thresholds().entrySet()) {
            Quantity q = MeasurementType.allThresholded().stream().filter(t -> t.name().equals(e.getKey())).findFirst().orElseThrow();
            thresholds = thresholds.with(q, e.getValue());
        }
        return thresholds;
    }

}
