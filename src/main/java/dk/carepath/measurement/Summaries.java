package dk.carepath.measurement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Danish one-line summaries of measurements, for nurses' tasks and citizens' mails. */
final class Summaries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private Summaries() {
    }

    static String of(StoredMeasurement m, ZoneId zone) {
        String what = m.type().summary(m.value(), m.value2())
                + (m.type().answersSymptoms() && m.symptoms() != null ? ", symptomer: " + symptoms(m.symptoms()) : "");
        String colour = m.colour() == null ? "" : " – " + danish(m.colour()) + (m.colourReason() == null ? "" : " (" + m.colourReason() + ")");
        return what + colour + ", målt " + when(m.measuredAt(), zone);
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    static String danish(Colour colour) {
        return switch (colour) {
            case RED -> "rød";
            case YELLOW -> "gul";
            case GREEN -> "grøn";
            case CHECK -> "kontrollér";
            case MISSING -> "mangler";
            case UNCOLOURED -> "ikke farvet";
        };
    }

    private static String symptoms(String codes) {
        StringBuilder text = new StringBuilder();
        for (String code : codes.split(",")) {
            if (!text.isEmpty()) text.append(", ");
            try {
                text.append(Symptom.valueOf(code).danish().toLowerCase());
            } catch (IllegalArgumentException e) {
                text.append(code);
            }
        }
        return text.toString();
    }

}
