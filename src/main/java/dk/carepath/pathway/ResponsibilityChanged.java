package dk.carepath.pathway;

import java.util.UUID;

/**
 * The pathway's responsibility changed: treatment or monitoring organisation, or contact person.
 * Published inside the transaction of the change, so the open tasks move with it (a handover
 * leaves nothing with the team that handed over).
 *
 * @param handover the monitoring organisation changed
 */
public record ResponsibilityChanged(UUID pathwayId, UUID citizenId, boolean handover) {
}
