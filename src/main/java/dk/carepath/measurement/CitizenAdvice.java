package dk.carepath.measurement;

import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.notify.Correspondence;
import dk.carepath.notify.Letter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the citizen is told on a yellow, red or odd measurement [002 §4.2.1 Opfølgning, §4.1]: the
 * answer to the tablet carries it at once, and a mail goes to a citizen who has an address. The
 * service is not acute: a red measurement says whom to call out of hours.
 */
@Component
class CitizenAdvice {

    private final Citizens citizens;
    private final Correspondence correspondence;
    private final String outOfHoursPhone;

    CitizenAdvice(Citizens citizens, Correspondence correspondence,
                  @Value("${carepath.citizen-advice.out-of-hours-phone:70 11 31 31}") String outOfHoursPhone) {
        this.citizens = citizens;
        this.correspondence = correspondence;
        this.outOfHoursPhone = outOfHoursPhone;
    }

    /** The advice for a colour, or null when there is nothing to tell (green, uncoloured). */
    String text(Colour colour) {
        if (colour == null) {
            return null;
        }
        return switch (colour) {
            case RED -> "Din måling er rød. Følg din selvhjælpsguide nu. Hjertesvigtsklinikken kontakter dig inden for "
                    + "åbningstiden. Uden for åbningstid: kontakt din egen læge eller lægevagten (tlf. " + outOfHoursPhone
                    + "). Ved akut sygdom: ring 112.";
            case YELLOW -> "Din måling er gul. Følg din selvhjælpsguide. Bliver det ikke bedre, så kontakt hjertesvigtsklinikken.";
            case CHECK -> "Målingen ser usædvanlig ud. Mål venligst igen. Kontakt hjertesvigtsklinikken, hvis du er i tvivl.";
            default -> null;
        };
    }

    /** Mails the advice to the citizen, once per measurement. @return whether a mail was queued */
    boolean mail(StoredMeasurement measurement, Colour colour, String summary) {
        return mail(measurement, colour, summary, 0);
    }

    /** Mails the advice once per measurement and revision (its sender's corrections each tell anew). */
    boolean mail(StoredMeasurement measurement, Colour colour, String summary, int revision) {
        String text = text(colour);
        CitizenView citizen = citizens.require(measurement.citizenId());
        if (text == null || citizen.email() == null || citizen.email().isBlank()) {
            return false;
        }
        String subject = switch (colour) {
            case RED -> "TeleHjerte: Rød måling – følg din selvhjælpsguide nu";
            case YELLOW -> "TeleHjerte: Gul måling – følg din selvhjælpsguide";
            default -> "TeleHjerte: Mål venligst igen";
        };
        String body = "Kære " + citizen.name() + "\n\n" + summary + "\n\n" + text
                + "\n\nDette er en automatisk besked fra TeleHjerte. Telemedicin er ikke et akuttilbud.\n";
        return correspondence.queue(new Letter("advice:" + measurement.id() + (revision > 0 ? ":" + revision : ""), measurement.pathwayId(), "CITIZEN_ADVICE_" + colour,
                null, citizen.email(), subject, body));
    }
}
