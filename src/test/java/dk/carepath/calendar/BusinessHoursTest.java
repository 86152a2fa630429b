package dk.carepath.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    static final BusinessHours CLINIC = clinic();

    static BusinessHours clinic() {
        Map<DayOfWeek, BusinessHours.Opening> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY}) {
            week.put(day, BusinessHours.Opening.parse("08:00-15:30"));
        }
        week.put(DayOfWeek.FRIDAY, BusinessHours.Opening.parse("08:00-14:00"));
        return new BusinessHours(week, Set.of(MonthDay.of(12, 24)), CPH);
    }

    static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CPH);
    }

    @Test
    void knowsTheDanishPublicHolidaysOf2026() {
        assertThat(DanishHolidays.of(2026)).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 24), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @Test
    void storeBededagIsAHolidayOnlyBefore2024() {
        assertThat(DanishHolidays.isHoliday(LocalDate.of(2023, 5, 5))).isTrue();
        assertThat(DanishHolidays.of(2024)).doesNotContain(LocalDate.of(2024, 4, 26));
    }

    @Test
    void addsOpenTimeWithinTheSameDay() {
        assertThat(CLINIC.addOpenTime(at(2026, 11, 23, 10, 0), Duration.ofHours(2))).isEqualTo(at(2026, 11, 23, 12, 0));
    }

    @Test
    void carriesOpenTimeFromFridayAfternoonToMondayMorning() {
        assertThat(CLINIC.addOpenTime(at(2026, 11, 20, 13, 30), Duration.ofHours(2))).isEqualTo(at(2026, 11, 23, 9, 30));
    }

    @Test
    void startsCountingAtTheNextOpeningWhenClosed() {
        assertThat(CLINIC.addOpenTime(at(2026, 11, 22, 23, 0), Duration.ofHours(2))).isEqualTo(at(2026, 11, 23, 10, 0));
        assertThat(CLINIC.addOpenTime(at(2026, 11, 23, 6, 0), Duration.ofMinutes(30))).isEqualTo(at(2026, 11, 23, 8, 30));
    }

    @Test
    void skipsEasterAndChristmasEve() {
        // Wednesday before Easter 2026, 15:00: Thursday to Monday are holidays (skærtorsdag..2. påskedag)
        assertThat(CLINIC.addOpenTime(at(2026, 4, 1, 15, 0), Duration.ofHours(1))).isEqualTo(at(2026, 4, 7, 8, 30));
        assertThat(CLINIC.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    }

    @Test
    void endOfWorkingDayCountsWholeWorkingDaysAfterToday() {
        assertThat(CLINIC.endOfWorkingDay(at(2026, 11, 22, 10, 0), 0)).isEqualTo(at(2026, 11, 23, 15, 30));
        assertThat(CLINIC.endOfWorkingDay(at(2026, 11, 22, 10, 0), 1)).isEqualTo(at(2026, 11, 23, 15, 30));
        assertThat(CLINIC.endOfWorkingDay(at(2026, 11, 23, 10, 0), 1)).isEqualTo(at(2026, 11, 24, 15, 30));
        assertThat(CLINIC.endOfWorkingDay(at(2026, 11, 20, 10, 0), 1)).isEqualTo(at(2026, 11, 23, 15, 30));
    }

    @Test
    void isOpenOnlyWithinTheHours() {
        assertThat(CLINIC.isOpen(at(2026, 11, 23, 8, 0))).isTrue();
        assertThat(CLINIC.isOpen(at(2026, 11, 23, 15, 30))).isFalse();
        assertThat(CLINIC.isOpen(at(2026, 11, 21, 10, 0))).isFalse();
    }
}
