package dk.carepath.citizen;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens as a FHIR patient service knows them (the national infrastructure's, whose Patient ids
 * are its own numbers, not Carepath's): one stored patient id per citizen and service, set at
 * referral or learnt when a measurement names both the patient and the CPR number. Only the
 * services configured in {@code carepath.fhir.patient-services} (their base URLs) are read; a URL of
 * another server names nobody Carepath knows.
 */
@Service
public class FhirPatients {

    /** A Patient of a configured service: its base URL and its id there. */
    public record PatientRef(String service, String id) {
        public String url() {
            return service + "/Patient/" + id;
        }
    }

    /** What became of a link. */
    public enum Link {
        /** stored now */
        LINKED,
        /** known before */
        KNOWN,
        /** the patient is another citizen's, or the citizen has another patient id at that service */
        CONFLICT
    }

    private static final Pattern PATIENT = Pattern.compile("^(.+)/Patient/([A-Za-z0-9\\-.]{1,64})(/_history/[A-Za-z0-9\\-.]{1,64})?$");

    private final List<String> services;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    FhirPatients(org.springframework.core.env.Environment environment, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        List<String> services = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("carepath.fhir.patient-services", org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .orElse(List.of());
        this.services = services.stream().map(String::strip).filter(s -> !s.isEmpty()).map(FhirPatients::withoutSlash).toList();
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** the configured services' base URLs */
    public List<String> services() {
        return services;
    }

    /**
     * The Patient an absolute URL names, if it is one of a configured service
     * ({@code https://patient.example/fhir/Patient/76312}, also with {@code /_history/1}).
     */
    public Optional<PatientRef> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = PATIENT.matcher(url);
        if (!m.matches()) {
            return Optional.empty();
        }
        String base = withoutSlash(m.group(1));
        return services.stream().filter(s -> s.equalsIgnoreCase(base)).findFirst().map(s -> new PatientRef(s, m.group(2)));
    }

    /** Whether a URL looks like a Patient of some FHIR server (configured or not). */
    public static boolean looksLikePatientUrl(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) && PATIENT.matcher(url).matches();
    }

    @Transactional(readOnly = true)
    public Optional<UUID> citizenOf(PatientRef patient) {
        return jdbc.query("select citizen_id from citizen_fhir_patient where service = ? and patient_id = ?",
                (rs, n) -> rs.getObject(1, UUID.class), patient.service(), patient.id()).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<PatientRef> patientOf(UUID citizenId, String service) {
        return jdbc.query("select patient_id from citizen_fhir_patient where citizen_id = ? and service = ?",
                (rs, n) -> new PatientRef(service, rs.getString(1)), citizenId, service).stream().findFirst();
    }

    /**
     * Links the citizen to the patient: never over another link (a patient is one citizen, a citizen
     * one patient per service). Audited.
     *
     * @param how how Carepath knows: REFERRAL, CPR (a measurement named both)
     */
    @Transactional
    public Link link(UUID citizenId, PatientRef patient, String how) {
        Optional<UUID> holder = citizenOf(patient);
        if (holder.isPresent()) {
            return holder.get().equals(citizenId) ? Link.KNOWN : Link.CONFLICT;
        }
        if (patientOf(citizenId, patient.service()).isPresent()) {
            return Link.CONFLICT;
        }
        try {
            jdbc.update("insert into citizen_fhir_patient (service, patient_id, citizen_id, linked_at, linked_by, linked_how) "
                            + "values (?, ?, ?, ?, ?, ?)", patient.service(), patient.id(), citizenId, Timestamp.from(clock.instant()),
                    audit.currentActor(), how);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            return citizenOf(patient).filter(citizenId::equals).isPresent() ? Link.KNOWN : Link.CONFLICT;
        }
        audit.changed(AuditAction.UPDATE, "citizen", citizenId, null, "linked to FHIR patient " + patient.url() + " (" + how + ")");
        return Link.LINKED;
    }
}
