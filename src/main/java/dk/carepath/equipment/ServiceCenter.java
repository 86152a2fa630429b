package dk.carepath.equipment;

import dk.carepath.calendar.BusinessHours;
import dk.carepath.calendar.SupportHours;
import dk.carepath.region.RegionPack;
import dk.carepath.region.Regions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The region's service center as the models see it: {@code ${serviceCenter.supportLine()}} in a
 * form (the service center of the instance's region), the service level of a fault report. Its
 * name, support line, hours and service level are the region pack's {@code service-center}.
 */
@Component("serviceCenter")
public class ServiceCenter {

    private final Regions regions;
    private final SupportHours hours;

    ServiceCenter(Regions regions, SupportHours hours) {
        this.regions = regions;
        this.hours = hours;
    }

    /**
     * "Fælles Servicecenter, tlf. +45 7020 3048 (mandag-fredag 07:00-16:00)": what the citizen is told to
     * call, of the region of the process instance at hand.
     */
    public String supportLine() {
        return supportLine(dk.carepath.calendar.EngineRegion.current());
    }

    /** the support line of a region's service center */
    public String supportLine(String region) {
        return supportLine(regions.require(region).serviceCenter(), hours.businessHours(region));
    }

    private static String supportLine(RegionPack.ServiceCenter center, BusinessHours support) {
        return center.name() + ", tlf. " + center.supportPhone() + " (" + describe(support) + ")";
    }

    /** the region of a citizen, by the municipality she lives in */
    public String regionOf(String municipalityId) {
        return regions.ofOrganisation(municipalityId).id();
    }

    public String serviceLevel(String region) {
        return regions.require(region).serviceCenter().serviceLevel();
    }

    /** When support must have contacted the citizen about a fault reported at that moment. */
    public Instant serviceLevelDue(String region, Instant reportedAt) {
        return hours.serviceLevelDue(region, reportedAt, serviceLevel(region));
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
