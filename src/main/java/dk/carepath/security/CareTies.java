package dk.carepath.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organisations that share a citizen's care now and then: the clinics of the citizen's
 * pathways, the organisations holding treatment or monitoring responsibility, the citizen's own
 * municipality and GP practice, and the regions. Access to the citizen's data follows these ties.
 * The pathway module implements it (it knows citizens and pathways; security depends on neither).
 */
public interface CareTies {

    /** the citizen's ties, or empty when there is no such citizen */
    Optional<Ties> of(UUID citizenId);

    /**
     * @param clinics       the clinics of every pathway of the citizen, running or ended
     * @param responsible   the organisations holding treatment or monitoring responsibility in the running pathway
     * @param municipality  the citizen's own municipality
     * @param gpPractice    the citizen's GP practice, if known
     * @param regions       the regions of the citizen's municipality and pathways
     */
    record Ties(UUID citizenId, Set<String> clinics, Set<String> responsible, String municipality, String gpPractice,
                Set<String> regions) {
    }
}
