package dk.carepath.region;

import dk.carepath.web.ProblemException;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The regions whose organisations the acting user maintains (as their process owner). Security
 * implements it: it knows the user's memberships, and depends on this module, not the other way.
 */
public interface Stewardship {

    Set<String> regionsOfCurrentUser();

    /**
     * @param what what she may do there only, as in "you {what} of your own region only"
     * @throws ProblemException 403 naming {@code region} unless the acting user is a process owner of the region
     */
    default void requireOwn(String region, String what) {
        Set<String> own = regionsOfCurrentUser();
        if (!own.contains(region)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "region", "you " + what + " of your own region only: " + String.join(", ", own));
        }
    }
}
