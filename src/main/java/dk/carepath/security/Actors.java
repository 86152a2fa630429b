package dk.carepath.security;

import java.util.List;

/**
 * The actor groups of DOMAIN.md §1: Camunda candidate groups and Spring roles alike; and the role of
 * API clients, which is a Spring role only.
 */
public final class Actors {

    public static final String HF_NURSE = "hf-nurse";
    public static final String CARDIOLOGIST = "cardiologist";
    public static final String MUNICIPAL_NURSE = "municipal-nurse";
    public static final String MUNICIPAL_FRONTDESK = "municipal-frontdesk";
    public static final String GP = "gp";
    public static final String SERVICE_CENTER = "service-center";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String MANAGER = "manager";
    /**
     * Not a person, and not a Camunda group: the role of an API client (a tablet platform) that sends
     * home measurements. A Camunda user cannot have it (see {@link ApiClients}).
     */
    public static final String MEASUREMENT_SENDER = "measurement-sender";

    /** group id and its Danish name as shown in Camunda Admin */
    public record Group(String id, String name) {
    }

    public static final List<Group> ALL = List.of(
            new Group(HF_NURSE, "Hjertesvigtssygeplejersker"),
            new Group(CARDIOLOGIST, "Kardiologer"),
            new Group(MUNICIPAL_NURSE, "Kommunale sygeplejersker"),
            new Group(MUNICIPAL_FRONTDESK, "Kommunal omstilling"),
            new Group(GP, "Praktiserende læger"),
            new Group(SERVICE_CENTER, "Servicecenter"),
            new Group(PROCESS_OWNER, "Procesejere"),
            new Group(MANAGER, "Ledere"));

    /** The groups that work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(HF_NURSE, CARDIOLOGIST, MUNICIPAL_NURSE, MUNICIPAL_FRONTDESK,
            GP, SERVICE_CENTER);

    private Actors() {
    }
}
