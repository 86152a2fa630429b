package dk.carepath.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The allow-list of link domains as configured: a video site on it stops the start, and a domain covers its subdomains only. */
class LibraryPropertiesTest {

    @Test
    void aVideoSiteOnTheAllowListStopsTheStart() {
        assertThatThrownBy(() -> new LibraryProperties(List.of("sundhed.dk", "m.youtube.com"), DataSize.ofMegabytes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.youtube.com").hasMessageContaining("video site");
        assertThatThrownBy(() -> new LibraryProperties(List.of("https://sundhed.dk/"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a domain name");
    }

    @Test
    void aDomainAllowsItselfAndItsSubdomainsOnly() {
        LinkPolicy links = new LinkPolicy(new LibraryProperties(List.of("Sundhed.DK"), null));
        assertThat(links.check("url", "https://sundhed.dk/a")).isEqualTo("https://sundhed.dk/a");
        assertThat(links.check("url", "https://www.SUNDHED.dk/a")).isEqualTo("https://www.SUNDHED.dk/a");
        assertThatThrownBy(() -> links.check("url", "https://sundhed.dk.example.com/")).isInstanceOf(LibraryProblem.class);
        assertThatThrownBy(() -> links.check("url", "https://ikkesundhed.dk/")).isInstanceOf(LibraryProblem.class)
                .satisfies(e -> assertThat(((LibraryProblem) e).danish()).contains("godkendte domæner"));
    }
}
