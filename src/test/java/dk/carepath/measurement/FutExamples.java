package dk.carepath.measurement;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.support.PathwayDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FUT examples of src/test/resources/fhir/fut, their placeholders filled in, and citizens as the
 * national infrastructure knows them: referred with their FUT Patient URL, in titration, with
 * individual blood-pressure thresholds (systolic 90/100/140/160, diastolic 50/60/90/100).
 */
final class FutExamples {

    static final String PATIENTS = "https://patient.cit-measurement-2050.local/fhir";

    private FutExamples() {
    }

    /** A citizen of a FUT pathway: her Carepath ids, CPR and FUT patient id. */
    record FutCitizen(UUID pathway, UUID citizen, String cpr, String patient) {
        String patientUrl() {
            return PATIENTS + "/Patient/" + patient;
        }
    }

    static String patientId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000, 999_999_999));
    }

    /** Referred with (or without, patient null) her FUT Patient URL, then from inclusion to titration. */
    static FutCitizen citizen(PathwayDriver driver, boolean linked) {
        String cpr = PathwayDriver.newCpr();
        String patient = patientId();
        ReferralRequest base = PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts());
        ReferralRequest.CitizenDetails c = base.citizen();
        ReferralRequest referral = new ReferralRequest(new ReferralRequest.CitizenDetails(c.cpr(), c.name(), c.phone(), c.email(), c.address(),
                c.municipalityId(), c.gpPracticeId(), linked ? PATIENTS + "/Patient/" + patient : null), base.source(), base.clinicId(),
                base.referrerOrganisationId(), base.referrerName(), base.facts(), null);
        UUID pathway = driver.refer(referral);
        driver.complete(pathway, Element.Task_CardiologicalAssessment, "testcardiologist",
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %, i titrering"));
        driver.complete(pathway, Element.Task_NursingAssessment, "testnurse", Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));
        Map<String, Object> plan = new HashMap<>(Map.of("referenceWeightKg", 80.0,
                "systolicRedLow", 90, "systolicYellowLow", 100, "systolicYellowHigh", 140, "systolicRedHigh", 160,
                "diastolicRedLow", 50, "diastolicYellowLow", 60, "diastolicYellowHigh", 90, "diastolicRedHigh", 100));
        driver.complete(pathway, Element.Task_SetMonitoringPlan, "testcardiologist", plan);
        driver.complete(pathway, Element.Task_InstallKit, "testservice",
                Map.of("kitNumber", "KIT-" + UUID.randomUUID().toString().substring(0, 8), "instructionGiven", true));
        driver.complete(pathway, Element.Task_CallCitizenAfterSetup, "testnurse", Map.of("setupStatus", "WORKS"));
        driver.fireTimer(pathway, Element.Event_StartupPeriodEnded);
        driver.complete(pathway, Element.Task_ConcludeStartup, "testnurse", Map.of());
        return new FutCitizen(pathway, driver.pathway(pathway).citizenId(), cpr, patient);
    }

    /** A moment a few minutes ago, to the second, as FUT writes it. */
    static String at(int minutesAgo) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(minutesAgo, ChronoUnit.MINUTES).toString().replace("Z", "+00:00");
    }

    /** The example with its ${placeholders} filled in; every placeholder must be given. */
    static String load(String name, Map<String, ?> values) {
        String text;
        try (InputStream in = FutExamples.class.getResourceAsStream("/fhir/fut/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher m = Pattern.compile("\\$\\{([A-Za-z]+)}").matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + " needs ${" + m.group(1) + "}");
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    static String weight(FutCitizen c, String id, String status, String value, String at) {
        return load("weight.json", values("id", id, "serviceRequest", "89218", "status", status, "patient", c.patient(), "at", at,
                "value", value));
    }

    static String half(FutCitizen c, String id, boolean systolic, int value, String at, String serviceRequest) {
        return load("blood-pressure-half.json", values("id", id, "serviceRequest", serviceRequest, "status", "final",
                "code", systolic ? "DNK05472" : "DNK05473", "display", systolic ? "Blodtryk systolisk;Arm" : "Blodtryk diastolisk;Arm",
                "patient", c.patient(), "at", at, "value", value));
    }

    static String bundle(String type, String... resources) {
        StringBuilder entries = new StringBuilder();
        for (String r : resources) {
            if (!entries.isEmpty()) entries.append(",");
            entries.append("{\"fullUrl\": \"urn:uuid:").append(UUID.randomUUID()).append("\", \"resource\": ").append(r)
                    .append(", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}");
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"" + type + "\", \"entry\": [" + entries + "]}";
    }
}
