package dk.carepath.security;

import dk.carepath.region.OrganisationKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The actors of DOMAIN.md §1, each with the kinds of organisation it works in. A role alone never
 * receives a task or sees a citizen: a user holds a role <em>in an organisation</em> (a
 * {@link Membership}), and tasks and citizen data follow the organisation responsible now.
 */
public enum Role {
    HF_NURSE("hf-nurse", "Hjertesvigtssygeplejersker", OrganisationKind.CLINIC),
    CARDIOLOGIST("cardiologist", "Kardiologer", OrganisationKind.CLINIC),
    MUNICIPAL_NURSE("municipal-nurse", "Kommunale sygeplejersker", OrganisationKind.MUNICIPALITY),
    MUNICIPAL_FRONTDESK("municipal-frontdesk", "Kommunal omstilling", OrganisationKind.MUNICIPALITY),
    GP("gp", "Praktiserende læger", OrganisationKind.GP_PRACTICE),
    SERVICE_CENTER("service-center", "Servicecenter", OrganisationKind.SERVICE_CENTER),
    PROCESS_OWNER("process-owner", "Procesejere", OrganisationKind.REGION),
    MANAGER("manager", "Ledere", OrganisationKind.REGION, OrganisationKind.CLINIC, OrganisationKind.MUNICIPALITY,
            OrganisationKind.SERVICE_CENTER),
    /** not a person: an integration client (a tablet platform) that sends home measurements */
    MEASUREMENT_SENDER("measurement-sender", "Måleplatforme (integration)");

    /** The roles that work tasks in Tasklist. */
    public static final Set<Role> TASK_WORKERS = EnumSet.of(HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK, GP,
            SERVICE_CENTER);

    private final String id;
    private final String danish;
    private final Set<OrganisationKind> kinds;

    Role(String id, String danish, OrganisationKind... kinds) {
        this.id = id;
        this.danish = danish;
        this.kinds = kinds.length == 0 ? EnumSet.noneOf(OrganisationKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
    }

    /** the id as it appears in group ids and Spring roles: {@code hf-nurse} */
    public String id() {
        return id;
    }

    public String danish() {
        return danish;
    }

    /** whether a user may hold this role in an organisation of that kind */
    public boolean worksIn(OrganisationKind kind) {
        return kinds.contains(kind);
    }

    public boolean worksTasks() {
        return TASK_WORKERS.contains(this);
    }

    /** The nurses who monitor a citizen's measurements in an organisation of that kind, if any. */
    public static Optional<Role> monitoringNurseOf(OrganisationKind kind) {
        return switch (kind) {
            case CLINIC -> Optional.of(HF_NURSE);
            case MUNICIPALITY -> Optional.of(MUNICIPAL_NURSE);
            default -> Optional.empty();
        };
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
