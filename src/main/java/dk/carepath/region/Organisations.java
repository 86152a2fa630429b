package dk.carepath.region;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of organisations: the public API of this module. */
@Service
@Transactional
public class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(String id) {
        return id == null ? Optional.empty() : repository.findById(id).map(Organisation::view);
    }

    /** The organisation, which must be of the given kind. */
    @Transactional(readOnly = true)
    public OrganisationView require(String id, OrganisationKind kind) {
        OrganisationView organisation = find(id).orElseThrow(() -> new UnknownOrganisationException(id, kind));
        if (organisation.kind() != kind) {
            throw new UnknownOrganisationException(id, kind);
        }
        return organisation;
    }

    @Transactional(readOnly = true)
    public List<OrganisationView> all(OrganisationKind kind) {
        return repository.findByKindOrderByName(kind).stream().map(Organisation::view).toList();
    }

    /** Whether the region is known: it has its region organisation (kind REGION), where its process owners belong. */
    @Transactional(readOnly = true)
    public boolean regionExists(String region) {
        return region != null && repository.existsByKindAndRegion(OrganisationKind.REGION, region);
    }

    /** Every organisation of a region (its clinics, municipalities, GP practices, service center and the region itself). */
    @Transactional(readOnly = true)
    public List<OrganisationView> inRegion(String region) {
        return repository.findByRegionOrderByName(region).stream().map(Organisation::view).toList();
    }

    /**
     * The region's service center, which prepares, installs, swaps and collects its citizens' kits [002 §6.1].
     *
     * @throws IllegalStateException when the region has none: a kit task must not go to nobody
     */
    @Transactional(readOnly = true)
    public OrganisationView serviceCenterOf(String region) {
        return repository.findByKindAndRegionOrderByName(OrganisationKind.SERVICE_CENTER, region).stream().findFirst()
                .map(Organisation::view)
                .orElseThrow(() -> new IllegalStateException("region " + region + " has no service center organisation"));
    }

    public OrganisationView save(String id, OrganisationKind kind, String name, String region, String mailAddress) {
        Organisation organisation = repository.findById(id).orElseGet(() -> new Organisation(id, kind));
        if (organisation.kind() != kind) {
            throw new IllegalArgumentException("organisation " + id + " is a " + organisation.kind() + ", not a " + kind);
        }
        organisation.update(name, region, mailAddress);
        return repository.save(organisation).view();
    }
}
