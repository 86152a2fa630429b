package dk.carepath.calendar;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates counted in one kind of organisation's opening hours, for expressions in the models such
 * as {@code camunda:dueDate="${clinicHours.dueWithin('PT2H')}"}: the hours of the process
 * instance's region ({@link EngineRegion}). The engine's clock is the time source, so that timers
 * and due dates agree in tests that move the clock.
 */
public class DueDates {

    private final Function<String, BusinessHours> hoursOf;

    protected DueDates(Function<String, BusinessHours> hoursOf) {
        this.hoursOf = hoursOf;
    }

    /** the hours of the region of the process instance at hand (outside one: of the only region) */
    public BusinessHours businessHours() {
        return hoursOf.apply(EngineRegion.current());
    }

    public BusinessHours businessHours(String region) {
        return hoursOf.apply(region);
    }

    /** Now plus an ISO-8601 duration counted in opening hours only (a red measurement: PT2H). */
    public Date dueWithin(String openTime) {
        BusinessHours hours = businessHours();
        return Date.from(hours.addOpenTime(now(hours), Duration.parse(openTime)).toInstant());
    }

    /** Closing time of the working day n working days from today (0: today, or the next working day). */
    public Date dueInWorkingDays(int workingDays) {
        BusinessHours hours = businessHours();
        return Date.from(hours.endOfWorkingDay(now(hours), workingDays).toInstant());
    }

    /** Now plus an ISO-8601 period in calendar days ("P14D"), as timers count it. */
    public Date after(String period) {
        BusinessHours hours = businessHours();
        return Date.from(now(hours).plus(Period.parse(period)).toInstant());
    }

    public boolean isOpenNow() {
        BusinessHours hours = businessHours();
        return hours.isOpen(now(hours));
    }

    protected static ZonedDateTime now(BusinessHours hours) {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), hours.zone());
    }
}
