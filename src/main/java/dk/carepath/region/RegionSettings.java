package dk.carepath.region;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What differs between regions in the inclusion and monitoring of a citizen. One deployment
 * serves one region today; {@code carepath.region} names it.
 */
@ConfigurationProperties("carepath")
public record RegionSettings(String region, Inclusion inclusion) {

    /** @param mitIdRequired Region Midtjylland: yes; Region Syddanmark: switched off [001] */
    public record Inclusion(boolean mitIdRequired) {
    }

    public boolean mitIdRequired() {
        return inclusion != null && inclusion.mitIdRequired();
    }
}
