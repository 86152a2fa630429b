package dk.carepath.library;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code carepath.library}: the domains a material may link to (a domain allows its subdomains too)
 * and the largest PDF a nurse may upload. Video sites are never allowed, whatever the list says:
 * a start with one on the list fails.
 */
@ConfigurationProperties("carepath.library")
record LibraryProperties(List<String> linkDomains, DataSize maxPdfSize) {

    /** sites of videos and social media, never material: a citizen's material is read, and stays as it was assigned */
    static final Set<String> VIDEO_SITES = Set.of("youtube.com", "youtu.be", "youtube-nocookie.com", "vimeo.com", "tiktok.com",
            "dailymotion.com", "twitch.tv", "facebook.com", "fb.watch", "instagram.com", "x.com", "twitter.com", "rumble.com");

    LibraryProperties {
        linkDomains = linkDomains == null ? List.of() : linkDomains.stream().map(d -> d.trim().toLowerCase(Locale.ROOT)).toList();
        maxPdfSize = maxPdfSize == null ? DataSize.ofMegabytes(10) : maxPdfSize;
        for (String domain : linkDomains) {
            if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new IllegalArgumentException("carepath.library.link-domains: '" + domain + "' is not a domain name");
            }
            if (isVideoSite(domain)) {
                throw new IllegalArgumentException("carepath.library.link-domains: '" + domain + "' is a video site; materials never link to one");
            }
        }
    }

    static boolean isVideoSite(String host) {
        return VIDEO_SITES.stream().anyMatch(site -> within(host, site));
    }

    /** the host is the domain or one of its subdomains */
    static boolean within(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
