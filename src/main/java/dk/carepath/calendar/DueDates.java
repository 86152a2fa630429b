package dk.carepath.calendar;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates counted in one organisation's opening hours, for expressions in the models such as
 * {@code camunda:dueDate="${clinicHours.dueWithin('PT2H')}"}. The engine's clock is the time
 * source, so that timers and due dates agree in tests that move the clock.
 */
public class DueDates {

    private final BusinessHours hours;

    protected DueDates(BusinessHours hours) {
        this.hours = hours;
    }

    public BusinessHours businessHours() {
        return hours;
    }

    /** Now plus an ISO-8601 duration counted in opening hours only (a red measurement: PT2H). */
    public Date dueWithin(String openTime) {
        return Date.from(hours.addOpenTime(now(), Duration.parse(openTime)).toInstant());
    }

    /** Closing time of the working day n working days from today (0: today, or the next working day). */
    public Date dueInWorkingDays(int workingDays) {
        return Date.from(hours.endOfWorkingDay(now(), workingDays).toInstant());
    }

    /** Now plus an ISO-8601 period in calendar days ("P14D"), as timers count it. */
    public Date after(String period) {
        return Date.from(now().plus(Period.parse(period)).toInstant());
    }

    public boolean isOpenNow() {
        return hours.isOpen(now());
    }

    protected ZonedDateTime now() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), hours.zone());
    }
}
