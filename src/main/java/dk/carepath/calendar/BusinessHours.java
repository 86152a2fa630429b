package dk.carepath.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Opening hours of one organisation (a heart-failure clinic, a municipality's phone line): the
 * hours of each weekday, closed on Danish public holidays and on the organisation's own extra
 * closed days. Due dates that must fall "within opening hours" are computed here by counting open
 * time only.
 */
public final class BusinessHours {

    /** One day's opening, from inclusive to exclusive. */
    public record Opening(LocalTime from, LocalTime to) {
        public Opening {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("opening hours must start before they end: " + from + "-" + to);
            }
        }

        /** Parses "08:00-15:30". */
        public static Opening parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("opening hours must look like 08:00-15:30, got '" + text + "'");
            }
            return new Opening(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }
    }

    private final Map<DayOfWeek, Opening> week;
    private final Set<MonthDay> extraClosedDays;
    private final ZoneId zone;

    public BusinessHours(Map<DayOfWeek, Opening> week, Set<MonthDay> extraClosedDays, ZoneId zone) {
        if (week.isEmpty()) {
            throw new IllegalArgumentException("opening hours need at least one open weekday");
        }
        this.week = new EnumMap<>(week);
        this.extraClosedDays = Set.copyOf(extraClosedDays);
        this.zone = zone;
    }

    /**
     * Opening hours as configuration writes them: "08:00-15:30" per weekday, extra closed days as
     * "MM-dd" (e.g. "12-24").
     */
    public static BusinessHours of(Map<DayOfWeek, String> week, java.util.List<String> extraClosedDays, ZoneId zone) {
        java.util.Map<DayOfWeek, Opening> openings = new java.util.EnumMap<>(DayOfWeek.class);
        week.forEach((day, text) -> openings.put(day, Opening.parse(text)));
        java.time.format.DateTimeFormatter monthDay = java.time.format.DateTimeFormatter.ofPattern("MM-dd");
        Set<MonthDay> closed = extraClosedDays == null ? Set.of()
                : extraClosedDays.stream().map(d -> MonthDay.parse(d.trim(), monthDay)).collect(java.util.stream.Collectors.toSet());
        return new BusinessHours(openings, closed, zone);
    }

    /** The opening of each open weekday. */
    public Map<DayOfWeek, Opening> week() {
        return java.util.Collections.unmodifiableMap(week);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        return week.containsKey(date.getDayOfWeek()) && !DanishHolidays.isClosed(date, extraClosedDays);
    }

    public Opening openingOn(LocalDate date) {
        return isWorkingDay(date) ? week.get(date.getDayOfWeek()) : null;
    }

    public boolean isOpen(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(zone);
        Opening opening = openingOn(local.toLocalDate());
        LocalTime t = local.toLocalTime();
        return opening != null && !t.isBefore(opening.from()) && t.isBefore(opening.to());
    }

    /** The first working day after the given date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The moment the next opening period starts, or {@code time} itself when open. */
    public ZonedDateTime nextOpen(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(zone);
        if (isOpen(local)) {
            return local;
        }
        LocalDate day = local.toLocalDate();
        Opening today = openingOn(day);
        if (today != null && local.toLocalTime().isBefore(today.from())) {
            return day.atTime(today.from()).atZone(zone);
        }
        LocalDate next = nextWorkingDay(day);
        return next.atTime(openingOn(next).from()).atZone(zone);
    }

    /**
     * Adds {@code openTime} counted in opening hours only: 2 hours from Friday 13:30 with a 14:00
     * closing is Monday 09:30 when Monday opens at 08:00.
     */
    public ZonedDateTime addOpenTime(ZonedDateTime start, Duration openTime) {
        if (openTime.isNegative()) {
            throw new IllegalArgumentException("open time must not be negative");
        }
        ZonedDateTime cursor = nextOpen(start);
        Duration left = openTime;
        while (true) {
            Opening opening = openingOn(cursor.toLocalDate());
            ZonedDateTime closing = cursor.toLocalDate().atTime(opening.to()).atZone(zone);
            Duration untilClosing = Duration.between(cursor, closing);
            if (left.compareTo(untilClosing) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(untilClosing);
            cursor = nextOpen(closing);
        }
    }

    /**
     * The closing time of the n-th working day after the given moment's day; n = 0 is that day, or
     * the next working day when that day is closed. From a Sunday, n = 1 is Monday; from a Monday, Tuesday.
     */
    public ZonedDateTime endOfWorkingDay(ZonedDateTime from, int workingDaysLater) {
        LocalDate day = from.withZoneSameInstant(zone).toLocalDate();
        if (workingDaysLater == 0 && !isWorkingDay(day)) {
            day = nextWorkingDay(day);
        }
        for (int i = 0; i < workingDaysLater; i++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(openingOn(day).to()).atZone(zone);
    }
}
