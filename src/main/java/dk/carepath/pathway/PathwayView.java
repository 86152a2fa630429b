package dk.carepath.pathway;

import java.time.Instant;
import java.util.UUID;

/** A pathway as other features and the API see it. */
public record PathwayView(UUID id, UUID citizenId, String region, String clinicId, Phase phase,
                          Party treatmentResponsible, Party monitoringResponsible, String contactPerson,
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
