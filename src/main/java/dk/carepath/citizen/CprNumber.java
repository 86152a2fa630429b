package dk.carepath.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Danish personal identification number (CPR-nummer), validated as the CPR office issues them:
 * ten digits DDMMYY-SSSS whose first six are a real date; the 7th digit with the year gives the
 * century. The modulus-11 check is not applied: numbers without it have been issued since 2007.
 *
 * <p>{@link #toString()} masks the serial part so a CPR number never reaches a log by accident.
 */
public record CprNumber(String value) {

    public CprNumber {
        if (value == null) {
            throw new InvalidCprNumberException("CPR-nummer mangler");
        }
        String digits = value.replace("-", "").trim();
        if (!digits.matches("\\d{10}")) {
            throw new InvalidCprNumberException("CPR-nummer skal være 10 cifre (DDMMÅÅ-XXXX)");
        }
        birthDate(digits);
        value = digits;
    }

    public static CprNumber of(String value) {
        return new CprNumber(value);
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    /** DDMMYY-XXXX: enough for a person to recognise, useless for identity theft. */
    public String masked() {
        return value.substring(0, 6) + "-XXXX";
    }

    /** The CPR number as people write it, with the hyphen. Only for screens and letters, never logs. */
    public String formatted() {
        return value.substring(0, 6) + "-" + value.substring(6);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDate(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int yy = Integer.parseInt(digits.substring(4, 6));
        int seventh = digits.charAt(6) - '0';
        int century;
        if (seventh <= 3) {
            century = 1900;
        } else if (seventh == 4 || seventh == 9) {
            century = yy <= 36 ? 2000 : 1900;
        } else {
            century = yy <= 57 ? 2000 : 1800;
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            throw new InvalidCprNumberException("CPR-nummerets første seks cifre er ikke en gyldig dato");
        }
        if (birth.isAfter(LocalDate.now())) {
            throw new InvalidCprNumberException("CPR-nummerets fødselsdato ligger i fremtiden");
        }
        return birth;
    }
}
