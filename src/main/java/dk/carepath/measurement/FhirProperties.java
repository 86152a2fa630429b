package dk.carepath.measurement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepath.fhir.*}: how measurements from the national infrastructure are read (the patient
 * services are the citizen module's, {@code citizen.FhirPatients}).
 *
 * @param pairingWindow  how long a half of a blood pressure sent alone waits for its other half
 * @param questionnaires the questionnaires whose answers are PRO measurements, by name
 */
@ConfigurationProperties("carepath.fhir")
record FhirProperties(Duration pairingWindow, Map<String, Questionnaire> questionnaires) {

    /**
     * A questionnaire Carepath reads as the PRO measurement: its URLs (a QuestionnaireResponse's
     * {@code questionnaire}, with or without {@code |version}), the linkId of the NYHA question and the
     * linkIds of the symptom questions, each a yes/no answer.
     */
    record Questionnaire(List<String> urls, String nyhaLinkId, Map<String, Symptom> symptomLinkIds) {
        Questionnaire {
            urls = urls == null ? List.of() : List.copyOf(urls);
            symptomLinkIds = symptomLinkIds == null ? Map.of() : Map.copyOf(symptomLinkIds);
        }
    }

    FhirProperties {
        pairingWindow = pairingWindow == null ? Duration.ofMinutes(10) : pairingWindow;
        questionnaires = questionnaires == null ? Map.of() : Map.copyOf(questionnaires);
    }

    /** The questionnaire a QuestionnaireResponse answers, if Carepath maps it. */
    java.util.Optional<Questionnaire> questionnaire(String canonical) {
        if (canonical == null) {
            return java.util.Optional.empty();
        }
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        return questionnaires.values().stream().filter(q -> q.urls().contains(url)).findFirst();
    }
}
