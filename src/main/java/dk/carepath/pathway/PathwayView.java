package dk.carepath.pathway;

import java.time.Instant;
import java.util.UUID;

/**
 * A pathway as other features and the API see it. Responsibility is data: the party and the
 * organisation that treats the citizen and that monitors the measurements now [002 §5], and the
 * contact person, a member of the monitoring organisation's team [001].
 */
public record PathwayView(UUID id, UUID citizenId, String region, String clinicId, Phase phase,
                          Party treatmentResponsible, String treatmentOrganisationId,
                          Party monitoringResponsible, String monitoringOrganisationId, String contactPerson,
                          boolean municipalCourseActive, boolean extended, Instant pausedUntil,
                          boolean reassessmentOverdue, PathwayOutcome outcome,
                          Instant createdAt, Instant updatedAt, Instant endedAt, Instant monitoringSince) {

    public boolean paused(Instant at) {
        return pausedUntil != null && pausedUntil.isAfter(at);
    }

    public boolean ended() {
        return phase.ended();
    }
}
