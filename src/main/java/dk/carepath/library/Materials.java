package dk.carepath.library;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.region.Organisations;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.CurrentUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The material catalogue and what is assigned to whom. A clinician's catalogue is her organisations'
 * materials and the generic ones; she adds links (to allowed domains) and PDFs (checked by content)
 * for her organisation, and assigns a material to one citizen or many, each a citizen she may see
 * clinically. An assignment is citizen data: listing a citizen's materials needs clinical access to
 * her (whoever assigned them), and every assignment, removal and listing is in the access log.
 */
@Service
public class Materials {

    static final int MAX_TITLE = 200;
    static final int MAX_FILE_NAME = 200;
    static final int MAX_CITIZENS = 500;

    private final MaterialRepository materials;
    private final MaterialContentRepository contents;
    private final MaterialAssignmentRepository assignments;
    private final LinkPolicy links;
    private final PdfPolicy pdfs;
    private final CurrentUser user;
    private final CitizenAccess access;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Materials(MaterialRepository materials, MaterialContentRepository contents, MaterialAssignmentRepository assignments,
              LinkPolicy links, PdfPolicy pdfs, CurrentUser user, CitizenAccess access, Organisations organisations,
              AuditTrail audit, Clock clock) {
        this.materials = materials;
        this.contents = contents;
        this.assignments = assignments;
        this.links = links;
        this.pdfs = pdfs;
        this.user = user;
        this.access = access;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** the largest PDF accepted, in bytes */
    public long maxPdfBytes() {
        return pdfs.maxBytes();
    }

    /** the user's catalogue: her organisations' materials and the generic ones, by title */
    @Transactional(readOnly = true)
    public List<MaterialView> catalogue() {
        Set<String> mine = user.organisations(Phrases.WRITERS);
        return materials.catalogue(mine.isEmpty() ? Set.of("") : mine).stream().map(Material::view).toList();
    }

    @Transactional
    public MaterialView addLink(String organisationId, String title, String url) {
        String o = ownOrganisation(organisationId);
        String t = Phrases.required("title", title, MAX_TITLE, "Skriv en titel (højst " + MAX_TITLE + " tegn).");
        String checked = links.check("url", url);
        return materials.save(Material.link(o, t, checked, actor(), clock.instant())).view();
    }

    @Transactional
    public MaterialView addPdf(String organisationId, String title, String fileName, byte[] content) {
        String o = ownOrganisation(organisationId);
        String t = Phrases.required("title", title, MAX_TITLE, "Skriv en titel (højst " + MAX_TITLE + " tegn).");
        pdfs.check("file", content);
        Material material = materials.save(Material.pdf(o, t, fileName(fileName), content.length, actor(), clock.instant()));
        contents.save(new MaterialContent(material.id(), content));
        return material.view();
    }

    /** a generic material of the demo (no organisation), once by title */
    @Transactional
    public void ensureGenericLink(String title, String url) {
        if (!materials.existsByTitleAndOrganisationIdIsNull(title)) {
            materials.save(Material.link(null, title, links.check("url", url), "system", clock.instant()));
        }
    }

    /** a generic PDF of the demo (no organisation), once by title */
    @Transactional
    public void ensureGenericPdf(String title, String fileName, byte[] content) {
        if (!materials.existsByTitleAndOrganisationIdIsNull(title)) {
            pdfs.check("file", content);
            Material material = materials.save(Material.pdf(null, title, fileName(fileName), content.length, "system", clock.instant()));
            contents.save(new MaterialContent(material.id(), content));
        }
    }

    /** A PDF's name and bytes. */
    public record Document(String fileName, byte[] content) {
    }

    /**
     * A PDF of the user's catalogue, or one assigned to a citizen she may see clinically (a material a
     * clinic gave the citizen stays readable for the municipality that monitors her later).
     */
    @Transactional(readOnly = true)
    public Document document(long id) {
        Material material = materials.findById(id).filter(m -> m.kind() == Material.Kind.PDF)
                .filter(m -> inCatalogue(m) || assignments.findByMaterialId(m.id()).stream()
                        .anyMatch(a -> access.may(a.citizenId(), CitizenData.CLINICAL)))
                .orElseThrow(() -> LibraryProblem.missing("no PDF material with id " + id + " that you may read"));
        byte[] content = contents.findById(material.id()).map(MaterialContent::content)
                .orElseThrow(() -> LibraryProblem.missing("material " + id + " has no content"));
        return new Document(material.fileName(), content);
    }

    /** What an assignment did: the citizens who got the material now, and those who had it already. */
    public record Assignment(long materialId, List<UUID> assigned, List<UUID> alreadyAssigned) {
    }

    /**
     * Assigns a material of the user's catalogue to these citizens, all or none: every citizen must be
     * one she may see clinically (404 naming the first that is not), none may be listed twice.
     */
    @Transactional
    public Assignment assign(long materialId, List<UUID> citizenIds) {
        Material material = catalogueMaterial(materialId);
        if (citizenIds == null || citizenIds.isEmpty()) {
            throw LibraryProblem.invalid("citizenIds", "must name at least one citizen", "Vælg mindst én borger.");
        }
        if (citizenIds.size() > MAX_CITIZENS) {
            throw LibraryProblem.invalid("citizenIds", "names " + citizenIds.size() + " citizens; at most " + MAX_CITIZENS + " at a time",
                    "Højst " + MAX_CITIZENS + " borgere ad gangen.");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < citizenIds.size(); i++) {
            UUID citizen = citizenIds.get(i);
            String field = "citizenIds[" + i + "]";
            if (citizen == null) {
                throw LibraryProblem.invalid(field, "must not be null", "Vælg en borger.");
            }
            if (!seen.add(citizen)) {
                throw LibraryProblem.invalid(field, "names citizen " + citizen + " a second time", "Borgeren er valgt to gange.");
            }
            if (!access.may(citizen, CitizenData.CLINICAL)) {
                throw new LibraryProblem(HttpStatus.NOT_FOUND, field, "no citizen with id " + citizen
                        + " among the citizens your organisation serves", "Borgeren findes ikke, eller du har ikke adgang til borgeren.");
            }
        }
        List<UUID> assigned = new ArrayList<>();
        List<UUID> already = new ArrayList<>();
        String actor = actor();
        for (UUID citizen : citizenIds) {
            if (assignments.findByMaterialIdAndCitizenId(material.id(), citizen).isPresent()) {
                already.add(citizen);
                continue;
            }
            assignments.save(new MaterialAssignment(material.id(), citizen, actor, clock.instant()));
            audit.changed(AuditAction.CREATE, "material-assignment", citizen, null, "material " + material.id() + ": " + material.title());
            assigned.add(citizen);
        }
        return new Assignment(material.id(), assigned, already);
    }

    /** The materials assigned to a citizen, newest first (404 for a citizen the user may not see clinically); audited. */
    @Transactional(readOnly = true)
    public List<AssignedMaterial> assignedTo(UUID citizenId, String detail) {
        access.require(citizenId, CitizenData.CLINICAL);
        audit.read("materials", citizenId, null, detail);
        List<MaterialAssignment> given = assignments.findByCitizenIdOrderByAssignedAtDescIdDesc(citizenId);
        Map<Long, Material> byId = materials.findAllById(given.stream().map(MaterialAssignment::materialId).toList()).stream()
                .collect(Collectors.toMap(Material::id, Function.identity()));
        return given.stream().filter(a -> byId.containsKey(a.materialId()))
                .map(a -> new AssignedMaterial(byId.get(a.materialId()).view(), a.assignedBy(), a.assignedAt())).toList();
    }

    /** Takes a material back from a citizen (404 if it was not hers, or she is not the user's to see); audited. */
    @Transactional
    public void unassign(UUID citizenId, long materialId) {
        access.require(citizenId, CitizenData.CLINICAL);
        MaterialAssignment assignment = assignments.findByMaterialIdAndCitizenId(materialId, citizenId)
                .orElseThrow(() -> LibraryProblem.missing("material " + materialId + " is not assigned to citizen " + citizenId));
        assignments.delete(assignment);
        audit.changed(AuditAction.UPDATE, "material-assignment", citizenId, null, "material " + materialId + " removed");
    }

    private Material catalogueMaterial(long id) {
        return materials.findById(id).filter(this::inCatalogue)
                .orElseThrow(() -> LibraryProblem.missing("no material with id " + id + " in your organisations' catalogue"));
    }

    private boolean inCatalogue(Material material) {
        return material.organisationId() == null || user.organisations(Phrases.WRITERS).contains(material.organisationId());
    }

    private String ownOrganisation(String organisationId) {
        String o = Phrases.required("organisationId", organisationId, 40, "Vælg organisationen.");
        if (organisations.find(o).isEmpty()) {
            throw new LibraryProblem(HttpStatus.UNPROCESSABLE_ENTITY, "organisationId", "no organisation with id " + o, "Organisationen findes ikke.");
        }
        if (!user.organisations(Phrases.WRITERS).contains(o)) {
            throw new LibraryProblem(HttpStatus.FORBIDDEN, "organisationId", "you are not a clinician of organisation " + o
                    + ": add materials to your own organisation's catalogue", "Du kan kun tilføje materialer til din egen organisation.");
        }
        return o;
    }

    /** the upload's own name without any path, at most 200 characters (refused, not cut, if longer) */
    private static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        if (base.isEmpty()) {
            return "dokument.pdf";
        }
        if (base.length() > MAX_FILE_NAME) {
            throw LibraryProblem.invalid("file", "has a name of " + base.length() + " characters; at most " + MAX_FILE_NAME,
                    "Filnavnet er for langt (højst " + MAX_FILE_NAME + " tegn).");
        }
        if (base.chars().anyMatch(c -> c < 0x20)) {
            throw LibraryProblem.invalid("file", "has control characters in its name", "Filnavnet indeholder ugyldige tegn.");
        }
        return base;
    }

    private String actor() {
        return user.id().orElse("system");
    }

}
