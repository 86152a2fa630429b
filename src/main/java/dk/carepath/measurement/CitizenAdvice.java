package dk.carepath.measurement;

import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.notify.Correspondence;
import dk.carepath.notify.Letter;
import dk.carepath.pathway.Pathways;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import dk.carepath.region.Regions;
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
    private final Regions regions;
    private final Pathways pathways;
    /** a pathway's region by pathway id: it never changes, and intake asks for each red, yellow or odd measurement */
    private final Map<UUID, String> regionOf = new ConcurrentHashMap<>();

    CitizenAdvice(Citizens citizens, Correspondence correspondence, Regions regions, Pathways pathways) {
        this.citizens = citizens;
        this.correspondence = correspondence;
        this.regions = regions;
        this.pathways = pathways;
    }

    /**
     * The advice for a colour, or null when there is nothing to tell (green, uncoloured); out of hours
     * the citizen calls her region's out-of-hours doctor ({@code out-of-hours} of the region pack).
     *
     * @param pathwayId the citizen's pathway, whose region's advice applies
     */
    String text(Colour colour, UUID pathwayId) {
        if (colour == null || !colour.escalates() && colour != Colour.CHECK) {
            return null;
        }
        String region = regionOf(pathwayId);
        return switch (colour) {
            case RED -> AdviceTexts.red(regions.require(region));
            case YELLOW -> AdviceTexts.YELLOW;
            case CHECK -> AdviceTexts.CHECK;
            default -> null;
        };
    }

    private String regionOf(UUID pathwayId) {
        if (regionOf.size() > 100_000) {
            regionOf.clear();
        }
        return regionOf.computeIfAbsent(pathwayId, id -> pathways.find(id).map(p -> p.region())
                .orElseThrow(() -> new IllegalStateException("no pathway " + id)));
    }

    /** Mails the advice to the citizen, once per measurement. @return whether a mail was queued */
    boolean mail(StoredMeasurement measurement, Colour colour, String summary) {
        return mail(measurement, colour, summary, 0);
    }

    /** Mails the advice once per measurement and revision (its sender's corrections each tell anew). */
    boolean mail(StoredMeasurement measurement, Colour colour, String summary, int revision) {
        String text = text(colour, measurement.pathwayId());
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
