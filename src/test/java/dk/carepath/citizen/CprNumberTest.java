package dk.carepath.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CprNumberTest {

    @ParameterizedTest(name = "{0} born {1}")
    @CsvSource({
            "0503451234, 1945-03-05",   // 7th digit 0-3: 1900s
            "120738-4321, 1938-07-12",  // 4 with year 37-99: 1900s
            "1207104321, 2010-07-12",   // 4 with year 00-36: 2000s
            "0101995321, 1899-01-01",   // 5-8 with year 58-99: 1800s
            "0101059321, 2005-01-01"})  // 9 with year 00-36: 2000s
    void readsTheBirthDateWithTheCentury(String cpr, LocalDate birth) {
        assertThat(CprNumber.of(cpr).birthDate()).isEqualTo(birth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "05034512345", "050345-123A", "3102451234", "0013451234"})
    void refusesWhatIsNotACprNumber(String cpr) {
        assertThatThrownBy(() -> CprNumber.of(cpr)).isInstanceOf(InvalidCprNumberException.class);
    }

    @Test
    void refusesABirthDateInTheFuture() {
        assertThatThrownBy(() -> CprNumber.of("0101505000"))
                .isInstanceOf(InvalidCprNumberException.class).hasMessageContaining("fremtiden");
    }

    @Test
    void neverShowsTheSerialInToStringOrErrors() {
        CprNumber cpr = CprNumber.of("0503451234");
        assertThat(cpr.toString()).isEqualTo("050345-XXXX").doesNotContain("1234");
        assertThat(cpr.formatted()).isEqualTo("050345-1234");
        assertThatThrownBy(() -> CprNumber.of("3102451234")).hasMessageNotContaining("3102451234");
    }
}
