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

    public OrganisationView save(String id, OrganisationKind kind, String name, String region, String mailAddress) {
        Organisation organisation = repository.findById(id).orElseGet(() -> new Organisation(id, kind));
        if (organisation.kind() != kind) {
            throw new IllegalArgumentException("organisation " + id + " is a " + organisation.kind() + ", not a " + kind);
        }
        organisation.update(name, region, mailAddress);
        return repository.save(organisation).view();
    }
}
