package dk.carepath.calendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * The municipalities' phone hours (telefon-/træffetid): each municipality decides the weekday
 * hours in which its citizens can call and are called back [000]. Set in the municipality's region
 * pack as {@code municipalities.<municipality id>.phone-hours.<DAY>}, with
 * {@code municipalities.default} for every municipality without its own; Danish public holidays
 * and the municipality's extra closed days are closed.
 */
@Component("phoneHours")
public class PhoneHours {

    /**
     * When a message taken at some moment is called back.
     *
     * @param withinPhoneHours the call came within the phone hours
     * @param from the start of the phone hours in which the call-back is made: the call itself when
     *             within phone hours, else the next opening (the same morning before opening, else
     *             the next working day)
     * @param due the close of those phone hours
     */
    public record CallBack(boolean withinPhoneHours, ZonedDateTime from, ZonedDateTime due) {
    }

    private final RegionCalendars calendars;

    PhoneHours(RegionCalendars calendars) {
        this.calendars = calendars;
    }

    /** The phone hours of a municipality, or its region's default ones when it has none of its own. */
    public BusinessHours of(String municipalityId) {
        return calendars.phoneHours(municipalityId);
    }

    public CallBack callBack(String municipalityId, Instant receivedAt) {
        BusinessHours hours = of(municipalityId);
        ZonedDateTime at = receivedAt.atZone(hours.zone());
        ZonedDateTime from = hours.nextOpen(at);
        ZonedDateTime due = from.toLocalDate().atTime(hours.openingOn(from.toLocalDate()).to()).atZone(hours.zone());
        return new CallBack(hours.isOpen(at), from, due);
    }
}
