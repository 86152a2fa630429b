package dk.carepath.equipment;

import java.time.Clock;
import dk.carepath.calendar.BusinessHours;
import dk.carepath.calendar.SupportHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The region's service center as the models see it: {@code ${serviceCenter.supportLine()}} in a
 * form, the service level of a fault report.
 */
@Component("serviceCenter")
public class ServiceCenter {

    private final ServiceCenterProperties properties;
    private final SupportHours hours;

    private final Clock clock;

    ServiceCenter(ServiceCenterProperties properties, SupportHours hours, Clock clock) {
        this.clock = clock;
        if (properties.serviceLevel() == null || properties.supportPhone() == null || properties.name() == null) {
            throw new IllegalStateException("carepath.service-center needs name, support-phone and service-level");
        }
        this.properties = properties;
        this.hours = hours;
        try {
            hours.serviceLevelDue(clock.instant(), properties.serviceLevel());
        } catch (RuntimeException e) {
            throw new IllegalStateException("carepath.service-center.service-level: " + e.getMessage(), e);
        }
    }

    /** "Fælles Servicecenter, tlf. +45 7020 3048 (mandag-fredag 07:00-16:00)": what the citizen is told to call. */
    public String supportLine() {
        return properties.name() + ", tlf. " + properties.supportPhone() + " (" + describe(hours.businessHours()) + ")";
    }

    public String serviceLevel() {
        return properties.serviceLevel();
    }

    /** When support must have contacted the citizen about a fault reported at that moment. */
    public Instant serviceLevelDue(Instant reportedAt) {
        return hours.serviceLevelDue(reportedAt, properties.serviceLevel());
    }

    static String describe(BusinessHours hours) {
        Map<String, java.util.List<DayOfWeek>> byOpening = hours.week().entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getValue().from() + "-" + e.getValue().to(), java.util.TreeMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        return byOpening.entrySet().stream()
                .map(e -> days(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static String days(java.util.List<DayOfWeek> days) {
        String[] danish = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};
        java.util.List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (consecutive && sorted.size() > 2) {
            return danish[sorted.get(0).getValue() - 1] + "-" + danish[sorted.get(sorted.size() - 1).getValue() - 1];
        }
        return sorted.stream().map(d -> danish[d.getValue() - 1]).collect(Collectors.joining(", "));
    }
}
