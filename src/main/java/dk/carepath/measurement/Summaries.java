package dk.carepath.measurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Danish one-line summaries of measurements, for nurses' tasks and citizens' mails. */
final class Summaries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private Summaries() {
    }

    static String of(StoredMeasurement m, ZoneId zone) {
        String what = switch (m.type()) {
            case WEIGHT -> "Vægt " + number(m.value(), 1) + " kg";
            case PULSE -> "Puls " + number(m.value(), 0) + " slag/min";
            case BLOOD_PRESSURE -> "Blodtryk " + number(m.value(), 0) + "/" + number(m.value2(), 0) + " mmHg";
            case STEPS -> "Skridt " + number(m.value(), 0);
            case PRO_QUESTIONNAIRE -> "Spørgeskema: NYHA-klasse " + number(m.value(), 0)
                    + (m.symptoms() == null ? "" : ", symptomer: " + symptoms(m.symptoms()));
        };
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

    private static String number(BigDecimal value, int decimals) {
        if (value == null) {
            return "?";
        }
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
