package dk.carepath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.measurement.escalation.AlarmFact;
import dk.carepath.measurement.escalation.DeadlineFact;
import dk.carepath.measurement.escalation.MissedDayFact;
import dk.carepath.measurement.escalation.PathwayStateFact;
import dk.carepath.measurement.escalation.RaiseAlarm;
import dk.carepath.measurement.escalation.RepeatedMisses;
import dk.carepath.measurement.escalation.Suppression;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per rule of rules/missing-measurements.drl. */
class MissingMeasurementRulesTest {

    static DroolsRules rules;

    @BeforeAll
    static void compile() {
        rules = new DroolsRules();
    }

    static final PathwayStateFact RUNNING = new PathwayStateFact(false, false);

    static List<String> missing(Object... facts) {
        return rules.conclude(List.of(facts), RaiseAlarm.class).stream().map(RaiseAlarm::getType).toList();
    }

    @Test
    void measurementNotReceivedByItsDeadlineIsMissing() {
        assertThat(missing(RUNNING, new DeadlineFact("WEIGHT", false), new DeadlineFact("PULSE", true))).containsExactly("WEIGHT");
    }

    @Test
    void pausedPathwayRaisesNoMissingAlarms() {
        Object[] facts = {new PathwayStateFact(true, false), new DeadlineFact("WEIGHT", false)};
        assertThat(missing(facts)).isEmpty();
        assertThat(rules.conclude(List.of(facts), Suppression.class)).extracting(Suppression::getReason).containsExactly("PAUSED");
    }

    @Test
    void kitKnownToBeFaultyRaisesNoMissingAlarms() {
        Object[] facts = {new PathwayStateFact(false, true), new DeadlineFact("WEIGHT", false)};
        assertThat(missing(facts)).isEmpty();
        assertThat(rules.conclude(List.of(facts), Suppression.class)).extracting(Suppression::getReason).containsExactly("KIT_FAULT");
    }

    @Test
    void missedDeadlinesOnFiveDaysWithinFourteenCallForConsideringDischarge() {
        List<Object> facts = new ArrayList<>(List.of(RUNNING, new DeadlineFact("WEIGHT", false)));
        for (int day : new int[] {1, 3, 6, 13}) {
            facts.add(new MissedDayFact(day));
        }
        assertThat(rules.conclude(facts, RepeatedMisses.class)).hasSize(1);
    }

    @Test
    void fourMissedDaysOrOldMissesAreNotYetRepeated() {
        List<Object> facts = new ArrayList<>(List.of(RUNNING, new DeadlineFact("WEIGHT", false)));
        for (int day : new int[] {1, 3, 6, 14}) {
            facts.add(new MissedDayFact(day));
        }
        assertThat(rules.conclude(facts, RepeatedMisses.class)).isEmpty();
    }

    @Test
    void considerDischargeIsRaisedOnceInFourteenDays() {
        List<Object> facts = new ArrayList<>(List.of(RUNNING, new DeadlineFact("WEIGHT", false),
                new AlarmFact("REPEATED_MISSES", "WEIGHT", 5 * 24)));
        for (int day : new int[] {1, 2, 3, 4, 5}) {
            facts.add(new MissedDayFact(day));
        }
        assertThat(rules.conclude(facts, RepeatedMisses.class)).isEmpty();
    }

    @Test
    void nothingIsRepeatedWhenNothingIsMissingNow() {
        List<Object> facts = new ArrayList<>(List.of(RUNNING, new DeadlineFact("WEIGHT", true)));
        for (int day : new int[] {1, 2, 3, 4, 5}) {
            facts.add(new MissedDayFact(day));
        }
        assertThat(rules.conclude(facts, RepeatedMisses.class)).isEmpty();
    }
}
