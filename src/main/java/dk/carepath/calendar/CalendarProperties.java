package dk.carepath.calendar;

import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepath.zone}, {@code carepath.clinic.*} (the clinic's opening hours),
 * {@code carepath.municipalities.*} (each municipality's phone hours, weekdays only) and
 * {@code carepath.service-center.support-hours} (the service center's support hours).
 */
@ConfigurationProperties("carepath")
record CalendarProperties(ZoneId zone, Clinic clinic, Map<String, Municipality> municipalities, ServiceCenter serviceCenter) {

    /** the key of the phone hours that apply to every municipality without its own */
    static final String DEFAULT_MUNICIPALITY = "default";

    record Clinic(Map<DayOfWeek, String> openingHours, List<String> extraClosedDays) {
    }

    record Municipality(Map<DayOfWeek, String> phoneHours, List<String> extraClosedDays) {
    }

    record ServiceCenter(Map<DayOfWeek, String> supportHours, List<String> extraClosedDays) {
    }

    BusinessHours clinicHours() {
        return hours("carepath.clinic.opening-hours", clinic.openingHours(), clinic.extraClosedDays());
    }

    BusinessHours supportHours() {
        if (serviceCenter == null || serviceCenter.supportHours() == null) {
            throw new IllegalStateException("carepath.service-center.support-hours is not configured");
        }
        return hours("carepath.service-center.support-hours", serviceCenter.supportHours(), serviceCenter.extraClosedDays());
    }

    /** Phone hours by municipality id, including {@value #DEFAULT_MUNICIPALITY}; weekdays only [000]. */
    Map<String, BusinessHours> phoneHours() {
        if (municipalities == null || !municipalities.containsKey(DEFAULT_MUNICIPALITY)) {
            throw new IllegalStateException("carepath.municipalities.default.phone-hours is not configured");
        }
        Map<String, BusinessHours> result = new LinkedHashMap<>();
        municipalities.forEach((id, m) -> {
            String key = "carepath.municipalities." + id + ".phone-hours";
            if (m.phoneHours() == null || m.phoneHours().isEmpty()) {
                throw new IllegalStateException(key + " is not configured");
            }
            m.phoneHours().keySet().stream()
                    .filter(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY)
                    .findFirst().ifPresent(day -> {
                        throw new IllegalStateException(key + "." + day + ": a municipality's phone hours are on weekdays only");
                    });
            result.put(id, hours(key, m.phoneHours(), m.extraClosedDays()));
        });
        return result;
    }

    private BusinessHours hours(String key, Map<DayOfWeek, String> week, List<String> extraClosedDays) {
        try {
            return BusinessHours.of(week, extraClosedDays, zone);
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    static Set<MonthDay> monthDays(List<String> days) {
        DateTimeFormatter monthDay = DateTimeFormatter.ofPattern("MM-dd");
        return days == null ? Set.of() : days.stream().map(d -> MonthDay.parse(d.trim(), monthDay)).collect(Collectors.toSet());
    }

    static Map<DayOfWeek, BusinessHours.Opening> week(Map<DayOfWeek, String> texts) {
        Map<DayOfWeek, BusinessHours.Opening> week = new EnumMap<>(DayOfWeek.class);
        texts.forEach((day, text) -> week.put(day, BusinessHours.Opening.parse(text)));
        return week;
    }
}
