package dk.carepath.region;

/** The kinds of organisation that share a citizen's care. */
public enum OrganisationKind {
    /** a hospital's heart-failure clinic (hjertesvigtsklinik / hjerteambulatorium) */
    CLINIC,
    /** a municipality (kommune): home nursing, rehabilitation, the citizen's phone line */
    MUNICIPALITY,
    /** a general practice (almen praksis) */
    GP_PRACTICE,
    /** the region's service function for tele-kits (Fælles Servicecenter, TeleCare Nord, TSS) */
    SERVICE_CENTER,
    /** the region itself (Region Midtjylland): where its process owners and regional managers belong */
    REGION
}
