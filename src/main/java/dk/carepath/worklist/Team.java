package dk.carepath.worklist;

import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Who must act on a task, computed from the responsibility the citizen's pathway carries now
 * [002 §5, 000, 001]: the models name it in their candidate groups and users, so a process owner
 * reads in the Modeler which organisation a task goes to, e.g.
 * {@code camunda:candidateGroups="${team.monitoringNurses(execution)}"}, or two teams as
 * {@code "${team.clinicCardiologists(execution)},${team.clinicNurses(execution)}"}. Every answer is an organisation ×
 * role group ({@code kommune-751.municipal-nurse}), never a role for the whole country. When the
 * responsibility changes, {@link TaskRouting} has the same expressions evaluated again for the open tasks.
 *
 * <p>Reads {@code pathwayId} and {@code citizenId} from the process. Fails loudly (the task is not
 * created, the engine raises an incident) rather than give a task to nobody.
 */
@Component("team")
public class Team {

    private final Pathways pathways;
    private final Citizens citizens;
    private final Organisations organisations;

    Team(Pathways pathways, Citizens citizens, Organisations organisations) {
        this.pathways = pathways;
        this.citizens = citizens;
        this.organisations = organisations;
    }

    /** The cardiologists of the pathway's heart-failure clinic. */
    public List<String> clinicCardiologists(VariableScope execution) {
        return group(pathway(execution).clinicId(), Role.CARDIOLOGIST);
    }

    /** The heart-failure nurses of the pathway's clinic. */
    public List<String> clinicNurses(VariableScope execution) {
        return group(pathway(execution).clinicId(), Role.HF_NURSE);
    }

    /**
     * The nurses who monitor the citizen's measurements now: the clinic's heart-failure nurses, or the
     * municipal nurses after monitoring was handed over to the municipality. Without a running pathway
     * (a kit fault after discharge) the clinic of the citizen's last pathway.
     */
    public List<String> monitoringNurses(VariableScope execution) {
        Optional<PathwayView> pathway = pathwayOf(execution);
        Optional<Membership> team = pathway.flatMap(p -> pathways.monitoringTeam(p.id()));
        if (team.isEmpty()) {
            // monitoring has ended (discharged): the clinic of that pathway, or of the citizen's last one
            team = (pathway.isPresent() ? pathway : lastPathway(execution)).map(p -> new Membership(p.clinicId(), Role.HF_NURSE));
        }
        return List.of(team.orElseThrow(() -> new IllegalStateException("nobody monitors citizen " + citizenId(execution)))
                .groupId());
    }

    /** The nurses of the citizen's own municipality: it answers the citizen's phone [000]. */
    public List<String> municipalNurses(VariableScope execution) {
        return group(citizen(execution).municipalityId(), Role.MUNICIPAL_NURSE);
    }

    /** The service center of the citizen's region: kits are its work [002 §6.1]. */
    public List<String> serviceCenter(VariableScope execution) {
        String region = pathwayOf(execution).map(PathwayView::region)
                .or(() -> organisations.find(citizen(execution).municipalityId()).map(OrganisationView::region))
                .orElseThrow(() -> new IllegalStateException("no region for citizen " + citizenId(execution)));
        return List.of(new Membership(organisations.serviceCenterOf(region).id(), Role.SERVICE_CENTER).groupId());
    }

    /** Candidate user: the citizen's contact person, if the monitoring team has named one [001]. */
    public List<String> contactPerson(VariableScope execution) {
        return pathwayOf(execution).map(PathwayView::contactPerson).map(List::of).orElse(List.of());
    }

    /**
     * A pathway that does not exist: the responsibility a dry run assumes at a point of the path
     * (no pathway, citizen or task is read or written).
     *
     * @param monitoringOrganisationId the clinic, or the municipality after a handover
     */
    public record Assumed(String clinicId, String municipalityId, String monitoringOrganisationId, String region) {
    }

    /** The expressions of a candidate-groups attribute that name this bean ({@code ${team.clinicNurses(execution)}}). */
    private static final java.util.regex.Pattern EXPRESSION = java.util.regex.Pattern.compile("\\$\\{team\\.(\\w+)\\(execution\\)}");

    /**
     * The groups a task's candidate-groups attribute names for an assumed pathway, as the same methods
     * would answer for a real one: for a process owner's dry run of a test citizen.
     *
     * @throws IllegalArgumentException on an expression this bean does not answer
     */
    public List<String> groupsFor(String candidateGroups, Assumed pathway) {
        List<String> groups = new java.util.ArrayList<>();
        java.util.regex.Matcher m = EXPRESSION.matcher(candidateGroups == null ? "" : candidateGroups);
        while (m.find()) {
            groups.addAll(switch (m.group(1)) {
                case "clinicCardiologists" -> group(pathway.clinicId(), Role.CARDIOLOGIST);
                case "clinicNurses" -> group(pathway.clinicId(), Role.HF_NURSE);
                case "monitoringNurses" -> {
                    OrganisationView monitoring = organisations.find(pathway.monitoringOrganisationId())
                            .orElseThrow(() -> new IllegalStateException("no organisation " + pathway.monitoringOrganisationId()));
                    yield List.of(new Membership(monitoring.id(), Role.monitoringNurseOf(monitoring.kind()).orElseThrow()).groupId());
                }
                case "municipalNurses" -> group(pathway.municipalityId(), Role.MUNICIPAL_NURSE);
                case "serviceCenter" -> List.of(new Membership(organisations.serviceCenterOf(pathway.region()).id(), Role.SERVICE_CENTER).groupId());
                default -> throw new IllegalArgumentException("team." + m.group(1) + " is not a team of a pathway");
            });
        }
        return groups;
    }

    private List<String> group(String organisationId, Role role) {
        OrganisationKind kind = organisations.find(organisationId).map(OrganisationView::kind)
                .orElseThrow(() -> new IllegalStateException("no organisation " + organisationId));
        if (!role.worksIn(kind)) {
            throw new IllegalStateException("organisation " + organisationId + " is a " + kind + ": it has no " + role.id());
        }
        return List.of(new Membership(organisationId, role).groupId());
    }

    private PathwayView pathway(VariableScope execution) {
        return pathwayOf(execution).orElseThrow(() -> new IllegalStateException("the process has no pathwayId"));
    }

    private Optional<PathwayView> pathwayOf(VariableScope execution) {
        Object id = execution.getVariable("pathwayId");
        return id == null ? Optional.empty() : pathways.find(UUID.fromString(id.toString()));
    }

    private Optional<PathwayView> lastPathway(VariableScope execution) {
        return pathways.allOf(citizenId(execution)).stream().max(Comparator.comparing(PathwayView::createdAt));
    }

    private CitizenView citizen(VariableScope execution) {
        return citizens.require(citizenId(execution));
    }

    private static UUID citizenId(VariableScope execution) {
        Object id = execution.getVariable("citizenId");
        if (id == null) {
            throw new IllegalStateException("the process has no citizenId");
        }
        return UUID.fromString(id.toString());
    }
}
