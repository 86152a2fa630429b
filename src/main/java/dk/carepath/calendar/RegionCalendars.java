package dk.carepath.calendar;

/**
 * The hours that differ between regions, as the region packs set them (implemented by the region
 * module, which reads the packs: the calendar knows hours, not regions).
 */
public interface RegionCalendars {

    /** the heart-failure clinics' opening hours in a region; null region: the only region, if there is one */
    BusinessHours clinicHours(String region);

    /** the region's service center's support hours */
    BusinessHours supportHours(String region);

    /** a municipality's phone hours: its own, or its region's default */
    BusinessHours phoneHours(String municipalityId);
}
