package dk.carepath.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which links may be material: https, to a domain of the allow-list ({@code carepath.library.link-domains})
 * or a subdomain of one, never to a video site, no user name or password in the address.
 */
@Component
class LinkPolicy {

    static final int MAX_LENGTH = 2000;

    private final LibraryProperties properties;

    LinkPolicy(LibraryProperties properties) {
        this.properties = properties;
    }

    /** the link as it is stored, or a refusal naming the field */
    String check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw LibraryProblem.invalid(field, "must not be blank", "Skriv linkets adresse.");
        }
        if (url.length() > MAX_LENGTH) {
            throw LibraryProblem.invalid(field, "is longer than " + MAX_LENGTH + " characters", "Adressen er for lang (højst " + MAX_LENGTH + " tegn).");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw LibraryProblem.invalid(field, "is not a web address: " + e.getReason(), "Adressen er ikke en gyldig webadresse.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw LibraryProblem.invalid(field, "must be an https address (https://…)", "Adressen skal begynde med https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw LibraryProblem.invalid(field, "must not hold a user name or password", "Adressen må ikke indeholde brugernavn eller adgangskode.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (LibraryProperties.isVideoSite(host)) {
            throw LibraryProblem.invalid(field, "links to a video site (" + host + "); materials never do",
                    "Videosider (" + host + ") kan ikke bruges som materiale.");
        }
        if (properties.linkDomains().stream().noneMatch(domain -> LibraryProperties.within(host, domain))) {
            throw LibraryProblem.invalid(field, "links to " + host + ", which is not on the allow-list of domains: "
                    + String.join(", ", properties.linkDomains()),
                    "Der må kun linkes til godkendte domæner (" + String.join(", ", properties.linkDomains()) + "), ikke til " + host + ".");
        }
        return uri.toString();
    }
}
