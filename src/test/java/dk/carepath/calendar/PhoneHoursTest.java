package dk.carepath.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each municipality's phone hours, the default for the others; service levels in support hours. */
class PhoneHoursTest {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    static Map<DayOfWeek, String> weekdays(String hours) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return week;
    }

    /** the calendars of one region as a stub: its pack's hours are the region module's (RegionPacksTest) */
    static RegionCalendars calendars(Map<String, BusinessHours> municipalities) {
        return new RegionCalendars() {
            @Override
            public BusinessHours clinicHours(String region) {
                return BusinessHours.of(weekdays("08:00-15:30"), List.of(), CPH);
            }

            @Override
            public BusinessHours supportHours(String region) {
                return BusinessHours.of(weekdays("07:00-16:00"), List.of("12-24"), CPH);
            }

            @Override
            public BusinessHours phoneHours(String municipalityId) {
                return municipalities.getOrDefault(municipalityId, municipalities.get("default"));
            }
        };
    }

    static PhoneHours phoneHours() {
        Map<String, BusinessHours> municipalities = new LinkedHashMap<>();
        municipalities.put("default", BusinessHours.of(weekdays("08:00-15:00"), List.of("12-24"), CPH));
        municipalities.put("kommune-751", BusinessHours.of(weekdays("08:00-12:00"), List.of(), CPH));
        return new PhoneHours(calendars(municipalities));
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CPH).toInstant();
    }

    @Test
    void aMunicipalityWithItsOwnPhoneHoursCallsBackWithinThem() {
        PhoneHours.CallBack callBack = phoneHours().callBack("kommune-751", at(2026, 11, 17, 13, 0));
        assertThat(callBack.withinPhoneHours()).isFalse();
        assertThat(callBack.from().toInstant()).isEqualTo(at(2026, 11, 18, 8, 0));
        assertThat(callBack.due().toInstant()).isEqualTo(at(2026, 11, 18, 12, 0));
    }

    @Test
    void aMunicipalityWithoutItsOwnPhoneHoursHasTheDefault() {
        PhoneHours.CallBack callBack = phoneHours().callBack("kommune-746", at(2026, 11, 17, 13, 0));
        assertThat(callBack.withinPhoneHours()).isTrue();
        assertThat(callBack.from().toInstant()).isEqualTo(at(2026, 11, 17, 13, 0));
        assertThat(callBack.due().toInstant()).isEqualTo(at(2026, 11, 17, 15, 0));
    }

    @Test
    void theMunicipalitysExtraClosedDaysAreClosed() {
        // 23 December 2026 after hours: 24 December closed by the default, 25 and 26 are public holidays, then the weekend
        assertThat(phoneHours().callBack("kommune-746", at(2026, 12, 23, 15, 30)).from().toInstant()).isEqualTo(at(2026, 12, 28, 8, 0));
        // kommune-751 keeps 24 December open
        assertThat(phoneHours().callBack("kommune-751", at(2026, 12, 23, 15, 30)).from().toInstant()).isEqualTo(at(2026, 12, 24, 8, 0));
    }

    @Test
    void aServiceLevelInHoursCountsSupportHoursOnly() {
        SupportHours support = new SupportHours(calendars(Map.of("default", BusinessHours.of(weekdays("08:00-15:00"), List.of(), CPH))));
        // Friday 15:00 + 4 support hours = 1 hour on Friday + 3 on Monday from 07:00
        assertThat(support.serviceLevelDue("MIDT", at(2026, 11, 20, 15, 0), "PT4H")).isEqualTo(at(2026, 11, 23, 10, 0));
        // one working day: the close of the next working day
        assertThat(support.serviceLevelDue("MIDT", at(2026, 11, 20, 15, 0), "P1D")).isEqualTo(at(2026, 11, 23, 16, 0));
        assertThatThrownBy(() -> support.serviceLevelDue("MIDT", at(2026, 11, 20, 15, 0), "P1M")).isInstanceOf(IllegalArgumentException.class);
    }
}
