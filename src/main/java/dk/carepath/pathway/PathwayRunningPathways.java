package dk.carepath.pathway;

import dk.carepath.equipment.RunningPathways;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the equipment module which pathway a citizen's kit fault belongs to. */
@Component
class PathwayRunningPathways implements RunningPathways {

    private final Pathways pathways;

    PathwayRunningPathways(Pathways pathways) {
        this.pathways = pathways;
    }

    @Override
    public Optional<UUID> of(UUID citizenId) {
        return pathways.activeFor(citizenId).map(PathwayView::id);
    }
}
