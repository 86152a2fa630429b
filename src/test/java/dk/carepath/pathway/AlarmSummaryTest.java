package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summary of a task that further alarms joined stays readable and within the engine's text limit. */
class AlarmSummaryTest {

    @Test
    void shouldListEveryMeasurementWhileThereAreFewOfThem() {
        String summary = PathwayActivities.latestLines(PathwayActivities.latestLines("Puls 112", "Puls 115"), "Puls 118");
        assertThat(summary).isEqualTo("Puls 112\nPuls 115\nPuls 118");
    }

    @Test
    void shouldKeepTheNewestTenUnderACountOfAll() {
        String summary = "Puls 101";
        for (int i = 2; i <= 700; i++) {
            summary = PathwayActivities.latestLines(summary, "Puls " + (100 + i) + " slag/min – rød (Puls ved eller over rød øvre grænse), målt 01.12.2026 kl. 07:40");
        }
        assertThat(summary.lines().findFirst()).hasValue("700 målinger i alt; de nyeste:");
        assertThat(summary.lines()).hasSize(11);
        assertThat(summary.lines().reduce((a, b) -> b)).hasValueSatisfying(last -> assertThat(last).startsWith("Puls 800 "));
        assertThat(summary.length()).isLessThan(PathwayActivities.MAX_TEXT);
    }

    @Test
    void shouldKeepTheMissedDeadlinesWithinTheTextLimitAndSayThatOlderOnesAreLeftOut() {
        String deadlines = null;
        for (int day = 1; day <= 90; day++) {
            deadlines = PathwayActivities.appendLines(deadlines, "Vægt ikke modtaget til fristen " + day + ".12.2026 kl. 10:00 (plan: dagligt kl. 08:00); "
                    + "seneste 30.11.2026 kl. 07:40\nBlodtryk ikke modtaget til fristen " + day + ".12.2026 kl. 10:00");
        }
        assertThat(deadlines.length()).isLessThan(PathwayActivities.MAX_TEXT);
        assertThat(deadlines.lines().findFirst()).hasValue(PathwayActivities.OLDER_LEFT_OUT);
        assertThat(deadlines.lines().filter(PathwayActivities.OLDER_LEFT_OUT::equals)).hasSize(1);
        assertThat(deadlines.lines().reduce((a, b) -> b)).hasValue("Blodtryk ikke modtaget til fristen 90.12.2026 kl. 10:00");
    }

    @Test
    void shouldListEachMissingTypeOnce() {
        assertThat(PathwayActivities.union("Vægt, Puls", "Puls, Blodtryk")).isEqualTo("Vægt, Puls, Blodtryk");
        assertThat(PathwayActivities.union(null, "Vægt")).isEqualTo("Vægt");
        assertThat(PathwayActivities.union(null, null)).isNull();
    }
}
