package dk.carepath.region;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * A region as its process owner writes it in {@code regions/<id>/region.yaml}: its organisations and
 * every setting that differs between regions (docs/region-guide.md). Read and checked by
 * {@link RegionPacks}; in use through {@link Regions}.
 *
 * @param id                        the region id (MIDT), the folder's name in capitals
 * @param organisations             its clinics, municipalities, GP practices, service center and the region itself
 * @param clinics                   the heart-failure clinics' opening hours (due dates of clinic tasks count them)
 * @param municipalities            each municipality's phone hours by organisation id, {@code default} for the others
 * @param serviceCenter             the service function for tele-kits
 * @param outOfHours                whom a citizen calls outside the clinic's hours
 * @param inclusion                 inclusion switches
 * @param monitoringAfterStart      who holds monitoring responsibility after the start-up: CLINIC or MUNICIPALITY
 * @param reassessmentIntervalWeeks the plan's default interval between reassessments (8–13)
 * @param thresholds                default thresholds by thresholded quantity ({@code pulse}): red low, yellow low, yellow high, red high
 * @param kpiTargets                the region's own targets for its managers' KPIs by KPI id ({@code reassessments: 90});
 *                                  a KPI not named keeps the installation's target (docs/kpis.md)
 */
public record RegionPack(String id, String name, List<PackOrganisation> organisations, Hours clinics, Map<String, Hours> municipalities,
                         ServiceCenter serviceCenter, OutOfHours outOfHours, Inclusion inclusion, String monitoringAfterStart,
                         Integer reassessmentIntervalWeeks, Map<String, List<BigDecimal>> thresholds,
                         Map<String, BigDecimal> kpiTargets) {

    /** the key of the phone hours that apply to every municipality without its own */
    public static final String DEFAULT_MUNICIPALITY = "default";

    public record PackOrganisation(String id, OrganisationKind kind, String name, String mail) {
    }

    /** Weekday hours ("08:00-15:30") and the extra closed days (MM-DD) besides the Danish public holidays. */
    public record Hours(Map<DayOfWeek, String> openingHours, Map<DayOfWeek, String> phoneHours, List<String> extraClosedDays) {

        /** the week, whichever of the two names the pack used for it */
        @JsonIgnore
        public Map<DayOfWeek, String> week() {
            return openingHours != null ? openingHours : phoneHours;
        }
    }

    /**
     * @param organisation the organisation id of the service center in {@link #organisations}
     * @param name         as citizens are told it ("TeleCare Nord")
     * @param supportPhone the support line citizens call
     * @param serviceLevel time from a fault report until support has contacted the citizen: PTnH (support hours) or PnD (working days)
     * @param logistics    who prepares, delivers, swaps and collects kits, where that is another party (ATEA)
     */
    public record ServiceCenter(String organisation, String name, String supportPhone, Map<DayOfWeek, String> supportHours,
                                List<String> extraClosedDays, String serviceLevel, String logistics) {
    }

    /** @param phone the out-of-hours doctor (lægevagten); @param advice what a citizen with a red measurement is told to do out of hours */
    public record OutOfHours(String phone, String advice) {
    }

    /** @param mitIdRequired Region Midtjylland: yes; Syddanmark and Nordjylland: no [001] */
    public record Inclusion(Boolean mitIdRequired) {
    }

    public boolean mitIdRequired() {
        return Boolean.TRUE.equals(inclusion.mitIdRequired());
    }

    /** the region's own KPI targets (none when it keeps the installation's) */
    public Map<String, BigDecimal> kpiTargets() {
        return kpiTargets == null ? Map.of() : kpiTargets;
    }

    /** whether the citizen's municipality holds monitoring responsibility once the start-up has ended */
    public boolean municipalMonitoringAfterStart() {
        return "MUNICIPALITY".equals(monitoringAfterStart);
    }
}
