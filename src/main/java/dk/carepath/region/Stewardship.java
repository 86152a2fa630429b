package dk.carepath.region;

import java.util.Set;

/**
 * The regions whose organisations the acting user maintains (as their process owner). Security
 * implements it: it knows the user's memberships, and depends on this module, not the other way.
 */
public interface Stewardship {

    Set<String> regionsOfCurrentUser();
}
