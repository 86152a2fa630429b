package dk.carepath.pathway;

import dk.carepath.equipment.MonitoringTeams;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the equipment module who monitors a citizen: the municipal nurses after a handover of
 * monitoring to the municipality, otherwise the clinic's heart-failure nurses (as the pathway's
 * {@code monitoringGroup}).
 */
@Component
class PathwayMonitoringTeams implements MonitoringTeams {

    private final Pathways pathways;

    PathwayMonitoringTeams(Pathways pathways) {
        this.pathways = pathways;
    }

    @Override
    public Optional<MonitoringTeam> of(UUID citizenId) {
        return pathways.activeFor(citizenId).map(p -> new MonitoringTeam(p.id(),
                p.monitoringResponsible() == Party.MUNICIPALITY ? ReassessmentForm.MUNICIPAL_NURSE : ReassessmentForm.HF_NURSE));
    }
}
