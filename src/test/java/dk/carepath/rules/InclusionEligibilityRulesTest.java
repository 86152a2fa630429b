package dk.carepath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per rule of rules/inclusion-eligibility.dmn (hit policy FIRST), evaluated by Drools,
 * plus the EF boundary. Each starts from a citizen who meets every criterion and changes one fact.
 */
class InclusionEligibilityRulesTest {

    static DroolsDecisions decisions;

    @BeforeAll
    static void compile() {
        decisions = new DroolsDecisions();
    }

    static Map<String, Object> allCriteriaMet() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("ejectionFraction", 30);
        facts.put("titrationTargetGroup", true);
        facts.put("canUnderstandOwnValues", true);
        facts.put("communicatesInDanish", true);
        facts.put("canHandleSolution", true);
        facts.put("hasSupport", false);
        facts.put("interested", true);
        facts.put("canMeasureAndReport", true);
        facts.put("fixedResidenceInRegion", true);
        facts.put("gpInRegion", true);
        facts.put("hasMitId", true);
        facts.put("mitIdRequired", true);
        return facts;
    }

    static DecisionResult evaluate(Map<String, Object> facts) {
        return decisions.evaluate("inclusion-eligibility", facts);
    }

    static DecisionResult with(String fact, Object value) {
        Map<String, Object> facts = allCriteriaMet();
        facts.put(fact, value);
        return evaluate(facts);
    }

    @Test
    void ruleAllCriteriaMetMakesCitizenEligible() {
        DecisionResult result = evaluate(allCriteriaMet());
        assertThat(result.text("eligibility")).isEqualTo("ELIGIBLE");
        assertThat(result.text("eligibilityReason")).isEqualTo("Alle inklusionskriterier er opfyldt");
    }

    @Test
    void ruleEjectionFractionAbove40IsNotEligible() {
        DecisionResult result = with("ejectionFraction", 41);
        assertThat(result.text("eligibility")).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.text("eligibilityReason")).startsWith("EF over 40 %");
    }

    @ParameterizedTest(name = "EF {0} % -> {1}")
    @CsvSource({"40, ELIGIBLE", "41, NOT_ELIGIBLE", "10, ELIGIBLE"})
    void ejectionFractionOf40IsTheLastEligibleValue(int ef, String expected) {
        assertThat(with("ejectionFraction", ef).text("eligibility")).isEqualTo(expected);
    }

    @Test
    void ruleNotInTitrationTargetGroupIsNotEligible() {
        assertThat(with("titrationTargetGroup", false).text("eligibilityReason"))
                .isEqualTo("Ikke i målgruppen for medicinsk titrering i hjerteambulatoriet");
    }

    @Test
    void ruleCannotUnderstandOwnValuesIsNotEligible() {
        DecisionResult result = with("canUnderstandOwnValues", false);
        assertThat(result.text("eligibility")).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.text("eligibilityReason")).contains("forstå og handle på egne værdier");
    }

    @Test
    void ruleCannotCommunicateInDanishExcludes() {
        DecisionResult result = with("communicatesInDanish", false);
        assertThat(result.text("eligibility")).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.text("eligibilityReason")).startsWith("Eksklusion: kan ikke forstå og kommunikere på dansk");
    }

    @Test
    void ruleCannotHandleSolutionWithoutSupportExcludes() {
        Map<String, Object> facts = allCriteriaMet();
        facts.put("canHandleSolution", false);
        facts.put("hasSupport", false);
        DecisionResult result = evaluate(facts);
        assertThat(result.text("eligibility")).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.text("eligibilityReason")).contains("ingen støtte");
    }

    @Test
    void citizenWhoCannotHandleSolutionButHasSupportIsEligible() {
        Map<String, Object> facts = allCriteriaMet();
        facts.put("canHandleSolution", false);
        facts.put("hasSupport", true);
        assertThat(evaluate(facts).text("eligibility")).isEqualTo("ELIGIBLE");
    }

    @Test
    void ruleMissingRequiredMitIdIsNotEligible() {
        DecisionResult result = with("hasMitId", false);
        assertThat(result.text("eligibility")).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.text("eligibilityReason")).contains("MitID");
    }

    @Test
    void missingMitIdIsNoObstacleWhereRegionDoesNotRequireIt() {
        Map<String, Object> facts = allCriteriaMet();
        facts.put("hasMitId", false);
        facts.put("mitIdRequired", false);
        assertThat(evaluate(facts).text("eligibility")).isEqualTo("ELIGIBLE");
    }

    @Test
    void ruleNotInterestedNeedsJudgement() {
        DecisionResult result = with("interested", false);
        assertThat(result.text("eligibility")).isEqualTo("NEEDS_JUDGEMENT");
        assertThat(result.text("eligibilityReason")).contains("interesse");
    }

    @Test
    void ruleCannotMeasureAndReportNeedsJudgement() {
        DecisionResult result = with("canMeasureAndReport", false);
        assertThat(result.text("eligibility")).isEqualTo("NEEDS_JUDGEMENT");
        assertThat(result.text("eligibilityReason")).contains("måle og indberette");
    }

    @Test
    void ruleNoFixedResidenceInRegionNeedsJudgement() {
        DecisionResult result = with("fixedResidenceInRegion", false);
        assertThat(result.text("eligibility")).isEqualTo("NEEDS_JUDGEMENT");
        assertThat(result.text("eligibilityReason")).contains("bopæl");
    }

    @Test
    void ruleGpOutsideRegionNeedsJudgement() {
        DecisionResult result = with("gpInRegion", false);
        assertThat(result.text("eligibility")).isEqualTo("NEEDS_JUDGEMENT");
        assertThat(result.text("eligibilityReason")).contains("Egen læge");
    }

    @Test
    void ruleInformationMissingNeedsJudgement() {
        DecisionResult result = with("ejectionFraction", null);
        assertThat(result.text("eligibility")).isEqualTo("NEEDS_JUDGEMENT");
        assertThat(result.text("eligibilityReason")).startsWith("Oplysninger mangler");
    }

    @Test
    void exclusionWinsOverMissingInformation() {
        Map<String, Object> facts = allCriteriaMet();
        facts.put("ejectionFraction", null);
        facts.put("communicatesInDanish", false);
        assertThat(evaluate(facts).text("eligibility")).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void unknownDecisionIsAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decisions.evaluate("no-such-decision", Map.of()))
                .isInstanceOf(DecisionEvaluationException.class)
                .hasMessageContaining("no such decision");
    }
}
