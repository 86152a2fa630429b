package dk.carepath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.measurement.escalation.AlarmFact;
import dk.carepath.measurement.escalation.MeasurementFact;
import dk.carepath.measurement.escalation.RaiseAlarm;
import dk.carepath.measurement.escalation.TellCitizen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of rules/measurement-escalation.drl, and the cases that must not fire. */
class MeasurementEscalationRulesTest {

    static DroolsRules rules;

    @BeforeAll
    static void compile() {
        rules = new DroolsRules();
    }

    static MeasurementFact m(String colour, int sequence, double hoursBefore) {
        return new MeasurementFact(100 + sequence, "WEIGHT", colour, sequence, hoursBefore);
    }

    static List<String> advice(Object... facts) {
        return rules.conclude(List.of(facts), TellCitizen.class).stream().map(TellCitizen::getAdvice).toList();
    }

    static List<String> alarms(Object... facts) {
        return rules.conclude(List.of(facts), RaiseAlarm.class).stream().map(RaiseAlarm::getKind).toList();
    }

    @Test
    void redMeasurementSendsCitizenToSelfHelpGuideAndOutOfHoursNumbers() {
        List<TellCitizen> told = rules.conclude(List.of(m("RED", 0, 0)), TellCitizen.class);
        assertThat(told).extracting(TellCitizen::getAdvice).containsExactly("RED");
        assertThat(told.get(0).getRule()).isEqualTo(
                "A red measurement sends the citizen to the self-help guide and tells whom to call out of hours");
    }

    @Test
    void redMeasurementPutsHighPriorityTaskBeforeTheMonitoringNurse() {
        assertThat(alarms(m("RED", 0, 0))).containsExactly("MEASUREMENT_RED");
    }

    @Test
    void yellowMeasurementSendsCitizenToSelfHelpGuide() {
        assertThat(advice(m("YELLOW", 0, 0))).containsExactly("YELLOW");
        assertThat(alarms(m("YELLOW", 0, 0))).isEmpty();
    }

    @Test
    void threeYellowOfAKindInARowWithinThreeDaysArePersistentYellow() {
        assertThat(alarms(m("YELLOW", 0, 0), m("YELLOW", 1, 24), m("YELLOW", 2, 48))).containsExactly("MEASUREMENT_YELLOW_PERSISTENT");
    }

    @Test
    void yellowIsNotPersistentWhenItTurnedGreenInBetween() {
        assertThat(alarms(m("YELLOW", 0, 0), m("GREEN", 1, 24), m("YELLOW", 2, 48))).isEmpty();
    }

    @Test
    void yellowIsNotPersistentWhenTheFirstIsOlderThanThreeDays() {
        assertThat(alarms(m("YELLOW", 0, 0), m("YELLOW", 1, 24), m("YELLOW", 2, 73))).isEmpty();
    }

    @Test
    void yellowOfAnotherTypeDoesNotCount() {
        MeasurementFact pulse = new MeasurementFact(7, "PULSE", "YELLOW", 1, 24);
        assertThat(alarms(m("YELLOW", 0, 0), pulse, m("YELLOW", 2, 48))).isEmpty();
    }

    @Test
    void persistentYellowIsRaisedOnceInThreeDays() {
        assertThat(alarms(m("YELLOW", 0, 0), m("YELLOW", 1, 24), m("YELLOW", 2, 48),
                new AlarmFact("MEASUREMENT_YELLOW_PERSISTENT", "WEIGHT", 30))).isEmpty();
        assertThat(alarms(m("YELLOW", 0, 0), m("YELLOW", 1, 24), m("YELLOW", 2, 48),
                new AlarmFact("MEASUREMENT_YELLOW_PERSISTENT", "WEIGHT", 80))).containsExactly("MEASUREMENT_YELLOW_PERSISTENT");
    }

    @Test
    void implausibleMeasurementAsksCitizenToMeasureAgain() {
        assertThat(advice(m("CHECK", 0, 0))).containsExactly("CHECK");
        assertThat(alarms(m("CHECK", 0, 0))).isEmpty();
    }

    @Test
    void greenSetsOffNothing() {
        List<Object> facts = new ArrayList<>(List.of(m("GREEN", 0, 0), m("YELLOW", 1, 24), m("YELLOW", 2, 48)));
        assertThat(rules.conclude(facts, Object.class)).hasSize(3);
    }

    @Test
    void everyRuleIsNamedAsABusinessStatement() {
        assertThat(rules.ruleNames()).contains(
                "A red measurement puts a high-priority task before the monitoring nurse",
                "A measurement not received by its deadline is missing");
    }
}
