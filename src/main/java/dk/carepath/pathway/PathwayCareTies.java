package dk.carepath.pathway;

import dk.carepath.citizen.Citizens;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.CareTies;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A citizen's care ties from the citizen register and the citizen's pathways. */
@Component
class PathwayCareTies implements CareTies {

    private final Citizens citizens;
    private final PathwayRepository pathways;
    private final Organisations organisations;

    PathwayCareTies(Citizens citizens, PathwayRepository pathways, Organisations organisations) {
        this.citizens = citizens;
        this.pathways = pathways;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Ties> of(UUID citizenId) {
        return citizens.find(citizenId).map(citizen -> {
            Set<String> clinics = new LinkedHashSet<>();
            Set<String> responsible = new LinkedHashSet<>();
            Set<String> regions = new LinkedHashSet<>();
            organisations.find(citizen.municipalityId()).map(OrganisationView::region).ifPresent(regions::add);
            for (Pathway pathway : pathways.findByCitizenIdOrderByCreatedAtDesc(citizenId)) {
                PathwayView view = pathway.view();
                clinics.add(view.clinicId());
                regions.add(view.region());
                organisations.find(view.clinicId()).map(OrganisationView::region).ifPresent(regions::add);
                if (!view.ended()) {
                    Optional.ofNullable(view.treatmentOrganisationId()).ifPresent(responsible::add);
                    Optional.ofNullable(view.monitoringOrganisationId()).ifPresent(responsible::add);
                }
            }
            regions.removeIf(Objects::isNull);
            return new Ties(citizenId, clinics, responsible, citizen.municipalityId(), citizen.gpPracticeId(), regions);
        });
    }
}
