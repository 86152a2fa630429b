package dk.carepath.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * The service center's support hours ({@code service-center.support-hours} of the region pack;
 * Region Midtjylland's Fælles Servicecenter: weekdays 07:00-16:00 [002 §6.1]), and service levels
 * counted in them.
 */
@Component("supportHours")
public class SupportHours extends DueDates {

    SupportHours(RegionCalendars calendars) {
        super(calendars::supportHours);
    }

    /**
     * When a service level starting at {@code from} runs out: an ISO-8601 duration ("PT4H") counts
     * support hours only; a period of days ("P1D") is the close of that many working days later.
     *
     * @throws IllegalArgumentException for anything else
     */
    public Instant serviceLevelDue(String region, Instant from, String serviceLevel) {
        BusinessHours hours = businessHours(region);
        ZonedDateTime start = from.atZone(hours.zone());
        String level = serviceLevel.trim().toUpperCase();
        if (level.startsWith("PT")) {
            return hours.addOpenTime(start, Duration.parse(level)).toInstant();
        }
        Period period = Period.parse(level);
        if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1) {
            throw new IllegalArgumentException("a service level is PTnH/PTnM (support hours) or PnD (working days), not '" + serviceLevel + "'");
        }
        return hours.endOfWorkingDay(start, period.getDays()).toInstant();
    }
}
