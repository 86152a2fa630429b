package dk.carepath.pathway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.Map;

/**
 * The facts of a referral that the inclusion rules read [002 §3.1–3.2]. A fact may be unknown
 * (null): the rules then ask for professional judgement rather than guess.
 *
 * @param ejectionFraction left-ventricular ejection fraction in percent, by echocardiography
 */
public record ClinicalFacts(
        @Min(value = 5, message = "EF skal være mellem 5 og 80 %") @Max(value = 80, message = "EF skal være mellem 5 og 80 %")
        Integer ejectionFraction,
        Boolean titrationTargetGroup,
        Boolean canUnderstandOwnValues,
        Boolean communicatesInDanish,
        Boolean canHandleSolution,
        Boolean hasSupport,
        Boolean interested,
        Boolean canMeasureAndReport,
        Boolean fixedResidenceInRegion,
        Boolean gpInRegion,
        Boolean hasMitId) {

    /** As process variables, named as the inputs of {@code rules/inclusion-eligibility.dmn}. */
    /** The variable names of {@link #asVariables()}: the inclusion rules' inputs. */
    static final java.util.List<String> VARIABLES = java.util.List.of("ejectionFraction", "titrationTargetGroup",
            "canUnderstandOwnValues", "communicatesInDanish", "canHandleSolution", "hasSupport", "interested",
            "canMeasureAndReport", "fixedResidenceInRegion", "gpInRegion", "hasMitId");

    Map<String, Object> asVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ejectionFraction", ejectionFraction);
        variables.put("titrationTargetGroup", titrationTargetGroup);
        variables.put("canUnderstandOwnValues", canUnderstandOwnValues);
        variables.put("communicatesInDanish", communicatesInDanish);
        variables.put("canHandleSolution", canHandleSolution);
        variables.put("hasSupport", hasSupport);
        variables.put("interested", interested);
        variables.put("canMeasureAndReport", canMeasureAndReport);
        variables.put("fixedResidenceInRegion", fixedResidenceInRegion);
        variables.put("gpInRegion", gpInRegion);
        variables.put("hasMitId", hasMitId);
        return variables;
    }
}
