package dk.carepath.triage;

import dk.carepath.measurement.Colour;
import dk.carepath.measurement.Symptom;
import dk.carepath.pathway.MeasurementType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How the pages show values, colours and times to Danish nurses: local time, Danish words, decimal commas. */
final class Display {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Display() {
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    static String day(Instant at, ZoneId zone) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    /** the colour's Danish word; "Ikke farvet" for none */
    static String colour(Colour colour) {
        return colour == null ? Colour.UNCOLOURED.danish() : colour.danish();
    }

    /** the CSS class of a colour: colour-red, colour-yellow, … */
    static String css(Colour colour) {
        return "colour-" + (colour == null ? "uncoloured" : colour.name().toLowerCase());
    }

    /** "82,4 kg", "72 /min", "135/85 mmHg", "4200 skridt", "NYHA II, 2 symptom(er)" */
    static String value(MeasurementType type, BigDecimal value, BigDecimal value2, String symptoms) {
        return type.display(value, value2)
                + (type.answersSymptoms() && symptoms != null && !symptoms.isBlank() ? ", " + symptoms(symptoms).size() + " symptom(er)" : "");
    }

    /** the symptoms of a PRO answer, in Danish */
    static List<String> symptoms(String codes) {
        List<String> names = new ArrayList<>();
        if (codes == null || codes.isBlank()) {
            return names;
        }
        for (String code : codes.split(",")) {
            try {
                names.add(Symptom.valueOf(code.trim()).danish());
            } catch (IllegalArgumentException e) {
                names.add(code.trim());
            }
        }
        return names;
    }

    static String number(BigDecimal value, int decimals) {
        if (value == null) {
            return "–";
        }
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
