package dk.carepath.equipment;

import java.util.Optional;
import java.util.UUID;

/**
 * The citizen's running pathway, so that a kit fault is journalled there and its follow-up tasks
 * go to whoever monitors the citizen. The pathway module implements it (the equipment module does
 * not depend on the pathway, which depends on it).
 */
public interface RunningPathways {

    Optional<UUID> of(UUID citizenId);
}
