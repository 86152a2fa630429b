package dk.carepath.calendar;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code carepath.zone} and {@code carepath.clinic.*}: the clinic's opening hours. */
@ConfigurationProperties("carepath")
record CalendarProperties(ZoneId zone, Clinic clinic) {

    record Clinic(Map<DayOfWeek, String> openingHours, List<String> extraClosedDays) {
    }

    BusinessHours clinicHours() {
        Map<DayOfWeek, BusinessHours.Opening> week = new EnumMap<>(DayOfWeek.class);
        clinic.openingHours().forEach((day, text) -> week.put(day, BusinessHours.Opening.parse(text)));
        DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("MM-dd");
        var closed = clinic.extraClosedDays() == null ? java.util.Set.<MonthDay>of()
                : clinic.extraClosedDays().stream().map(d -> MonthDay.parse(d, monthDay)).collect(Collectors.toSet());
        return new BusinessHours(week, closed, zone);
    }
}
