package dk.carepath.security;

import static dk.carepath.security.Role.CARDIOLOGIST;
import static dk.carepath.security.Role.GP;
import static dk.carepath.security.Role.HF_NURSE;
import static dk.carepath.security.Role.MANAGER;
import static dk.carepath.security.Role.MEASUREMENT_SENDER;
import static dk.carepath.security.Role.MUNICIPAL_FRONTDESK;
import static dk.carepath.security.Role.MUNICIPAL_NURSE;
import static dk.carepath.security.Role.PROCESS_OWNER;
import static dk.carepath.security.Role.SERVICE_CENTER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which endpoint of the Carepath API at all: the first of the two checks of
 * need to know, made before a request body is read (so a role that may not refer gets 403, not
 * the referral form's field list). The second, which citizens, is {@link CitizenAccess}'s.
 * An endpoint without a rule here is refused to everybody. docs/access.md has this table, and the
 * access-matrix test holds the API to it.
 */
public final class ApiAccess {

    /** a rule: the endpoint (method and Spring path pattern) and who may call it */
    public record Rule(HttpMethod method, String path, Audience audience, Set<Role> roles) {
    }

    /** who, besides roles */
    public enum Audience {
        /** the roles listed */
        ROLES,
        /** any logged-in user or client: reference data without citizen data */
        AUTHENTICATED,
        /** Camunda administrators (group camunda-admin) */
        ADMINISTRATORS
    }

    private static final Role[] CLINICIANS = {HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE};
    private static final Role[] CARE = {HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK, GP, SERVICE_CENTER};
    private static final Role[] KIT_READERS = {HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, SERVICE_CENTER};
    private static final Role[] SENDERS = {MEASUREMENT_SENDER, HF_NURSE, MUNICIPAL_NURSE};

    public static final List<Rule> RULES = List.of(
            // who am I
            anyone(HttpMethod.GET, "/api/me"),
            // reference data
            anyone(HttpMethod.GET, "/api/organisations"),
            anyone(HttpMethod.GET, "/api/organisations/*"),
            roles(HttpMethod.PUT, "/api/organisations/*", PROCESS_OWNER),
            // region packs: which regions, their settings and versions are reference data; a process owner changes her own
            anyone(HttpMethod.GET, "/api/regions"),
            // the models this start-up refused (shared by all regions: any process owner sees them)
            roles(HttpMethod.GET, "/api/regions/refused-models", PROCESS_OWNER),
            anyone(HttpMethod.GET, "/api/regions/*"),
            roles(HttpMethod.PUT, "/api/regions/*", PROCESS_OWNER),
            roles(HttpMethod.POST, "/api/regions/*/undo", PROCESS_OWNER),
            roles(HttpMethod.GET, "/api/regions/*/models", PROCESS_OWNER),
            roles(HttpMethod.POST, "/api/regions/*/migrations", PROCESS_OWNER),
            roles(HttpMethod.POST, "/api/regions/*/models/*/rollback", PROCESS_OWNER),
            // a test citizen's dry run through the region's pack and models: nothing is written (module dryrun)
            roles(HttpMethod.POST, "/api/regions/*/dry-run", PROCESS_OWNER),
            // citizens
            roles(HttpMethod.GET, "/api/citizens/*", CARE),
            roles(HttpMethod.POST, "/api/citizens/search", CARE),
            // pathways
            roles(HttpMethod.POST, "/api/referrals", HF_NURSE, CARDIOLOGIST, GP, MUNICIPAL_NURSE),
            roles(HttpMethod.GET, "/api/pathways/*", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, GP),
            roles(HttpMethod.GET, "/api/pathways/*/journal", CLINICIANS),
            roles(HttpMethod.GET, "/api/pathways/*/correspondence", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, GP),
            roles(HttpMethod.GET, "/api/citizens/*/pathways", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, GP),
            roles(HttpMethod.POST, "/api/pathways/*/pauses", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK),
            roles(HttpMethod.PUT, "/api/pathways/*/contact-person", CLINICIANS),
            roles(HttpMethod.POST, "/api/pathways/*/readmissions", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, GP),
            roles(HttpMethod.POST, "/api/monitoring-plans/mass-update", CARDIOLOGIST, PROCESS_OWNER),
            // measurements and triage
            roles(HttpMethod.POST, "/api/measurements", SENDERS),
            roles(HttpMethod.POST, "/api/measurements/batch", SENDERS),
            roles(HttpMethod.POST, "/api/fhir", SENDERS),
            roles(HttpMethod.POST, "/api/fhir/Observation", SENDERS),
            roles(HttpMethod.POST, "/api/fhir/$submit-measurement", SENDERS),
            anyone(HttpMethod.GET, "/api/fhir/metadata"),
            roles(HttpMethod.GET, "/api/triage", CLINICIANS),
            roles(HttpMethod.POST, "/api/triage/green-acknowledgement", CLINICIANS),
            roles(HttpMethod.POST, "/api/measurements/*/acknowledgement", CLINICIANS),
            roles(HttpMethod.POST, "/api/alarms/*/acknowledgement", CLINICIANS),
            roles(HttpMethod.GET, "/api/pathways/*/measurements", CLINICIANS),
            // the phrase library and the material catalogue (docs/workbench.md)
            roles(HttpMethod.GET, "/api/phrases", CLINICIANS),
            roles(HttpMethod.POST, "/api/phrases", CLINICIANS),
            roles(HttpMethod.DELETE, "/api/phrases/*", CLINICIANS),
            roles(HttpMethod.GET, "/api/materials", CLINICIANS),
            roles(HttpMethod.POST, "/api/materials", CLINICIANS),
            roles(HttpMethod.POST, "/api/materials/documents", CLINICIANS),
            roles(HttpMethod.GET, "/api/materials/*/content", CLINICIANS),
            roles(HttpMethod.POST, "/api/materials/*/assignments", CLINICIANS),
            roles(HttpMethod.GET, "/api/citizens/*/materials", CLINICIANS),
            roles(HttpMethod.DELETE, "/api/citizens/*/materials/*", CLINICIANS),
            // calls
            roles(HttpMethod.POST, "/api/calls", MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK),
            roles(HttpMethod.GET, "/api/calls/statistics", MANAGER),
            roles(HttpMethod.GET, "/api/calls/*", HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK),
            // kits and faults
            roles(HttpMethod.POST, "/api/kits", SERVICE_CENTER),
            roles(HttpMethod.GET, "/api/kits/*", KIT_READERS),
            roles(HttpMethod.POST, "/api/kits/*/status", SERVICE_CENTER),
            roles(HttpMethod.GET, "/api/citizens/*/kit", KIT_READERS),
            roles(HttpMethod.POST, "/api/faults", SERVICE_CENTER, HF_NURSE, MUNICIPAL_NURSE),
            roles(HttpMethod.GET, "/api/faults/*", KIT_READERS),
            // governance: the access log and the authorisation review
            roles(HttpMethod.GET, "/api/audit", MANAGER),
            roles(HttpMethod.GET, "/api/access-reviews", MANAGER),
            roles(HttpMethod.GET, "/api/access-reviews/*", MANAGER),
            roles(HttpMethod.GET, "/api/access-reviews/*/report.csv", MANAGER),
            roles(HttpMethod.POST, "/api/access-reviews/*/sign-offs", MANAGER),
            // the managers' KPIs, and the pathways behind a figure
            roles(HttpMethod.GET, "/api/kpis", MANAGER),
            roles(HttpMethod.GET, "/api/kpis/*", MANAGER),
            roles(HttpMethod.GET, "/api/kpis/*/pathways", MANAGER),
            // integration clients, issued by Camunda administrators
            administrators(HttpMethod.GET, "/api/clients"),
            administrators(HttpMethod.POST, "/api/clients"),
            administrators(HttpMethod.GET, "/api/clients/*"),
            administrators(HttpMethod.POST, "/api/clients/*/token"),
            administrators(HttpMethod.DELETE, "/api/clients/*/token"));

    private ApiAccess() {
    }

    private static Rule roles(HttpMethod method, String path, Role... roles) {
        return new Rule(method, path, Audience.ROLES, EnumSet.copyOf(Arrays.asList(roles)));
    }

    private static Rule anyone(HttpMethod method, String path) {
        return new Rule(method, path, Audience.AUTHENTICATED, EnumSet.noneOf(Role.class));
    }

    private static Rule administrators(HttpMethod method, String path) {
        return new Rule(method, path, Audience.ADMINISTRATORS, EnumSet.noneOf(Role.class));
    }
}
