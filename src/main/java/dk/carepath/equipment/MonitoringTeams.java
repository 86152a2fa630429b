package dk.carepath.equipment;

import java.util.Optional;
import java.util.UUID;

/**
 * Who monitors a citizen's measurements, so that the monitoring nurse hears of a kit swap and of
 * questions that are not about the kit [002 §6.1]. The pathway module implements it (the equipment
 * module does not depend on the pathway, which depends on it).
 */
public interface MonitoringTeams {

    /** the citizen's running pathway and the candidate group of its monitoring work, if any */
    Optional<MonitoringTeam> of(UUID citizenId);

    /** @param candidateGroup hf-nurse, or municipal-nurse when monitoring was handed over to the municipality */
    record MonitoringTeam(UUID pathwayId, String candidateGroup) {
    }
}
