package dk.carepath.measurement;

import dk.carepath.region.RegionPack;

/**
 * The words a citizen is told on a yellow, red or odd measurement in a region [002 §4.2.1, §4.1]:
 * {@link CitizenAdvice} answers and mails them; a process owner's dry run shows them.
 */
public final class AdviceTexts {

    public static final String YELLOW = "Din måling er gul. Følg din selvhjælpsguide. Bliver det ikke bedre, så kontakt hjertesvigtsklinikken.";
    public static final String CHECK = "Målingen ser usædvanlig ud. Mål venligst igen. Kontakt hjertesvigtsklinikken, hvis du er i tvivl.";

    private AdviceTexts() {
    }

    /** a red measurement: the service is not acute, so out of hours the region's out-of-hours advice */
    public static String red(RegionPack region) {
        return "Din måling er rød. Følg din selvhjælpsguide nu. Hjertesvigtsklinikken kontakter dig inden for "
                + "åbningstiden. Uden for åbningstid: " + outOfHours(region) + ". Ved akut sygdom: ring 112.";
    }

    /** what the citizen does out of hours: the pack's {@code out-of-hours.advice}, or her GP or lægevagten's number */
    public static String outOfHours(RegionPack region) {
        RegionPack.OutOfHours outOfHours = region.outOfHours();
        return outOfHours.advice() != null && !outOfHours.advice().isBlank() ? outOfHours.advice()
                : "kontakt din egen læge eller lægevagten (tlf. " + outOfHours.phone() + ")";
    }
}
