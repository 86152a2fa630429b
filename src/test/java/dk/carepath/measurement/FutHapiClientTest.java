package dk.carepath.measurement;

import static dk.carepath.measurement.FutExamples.at;
import static dk.carepath.measurement.FutExamples.half;
import static dk.carepath.measurement.FutExamples.load;
import static dk.carepath.measurement.FutExamples.values;
import static dk.carepath.measurement.FutExamples.weight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import dk.carepath.measurement.FutExamples.FutCitizen;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A FHIR client as the national infrastructure's platforms use it — HAPI FHIR's generic client, which
 * reads the CapabilityStatement first — posting FUT-shaped measurements through Carepath's real HTTP
 * endpoint and reading every answer: the created Observation, a transaction-response, the
 * $submit-measurement answer, and refusals as OperationOutcomes.
 */
@CarepathTest
class FutHapiClientTest {

    @LocalServerPort
    int port;
    @Autowired
    PathwayDriver driver;

    final FhirContext fhir = FhirContext.forR4();
    IGenericClient client;

    @BeforeEach
    void client() {
        client = fhir.newRestfulGenericClient("http://localhost:" + port + "/api/fhir");
        client.registerInterceptor(new BasicAuthInterceptor("testsender", "secret"));
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(Class<T> type, String json) {
        return fhir.newJsonParser().parseResource(type, json);
    }

    static String colour(Observation o) {
        return o.getInterpretation().stream().flatMap(i -> i.getCoding().stream()).filter(c -> FhirCodes.COLOUR.equals(c.getSystem()))
                .map(c -> c.getCode()).findFirst().orElse(null);
    }

    @Test
    void shouldReadTheCapabilityStatement() {
        CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capabilities.getRestFirstRep().getOperation()).extracting(o -> o.getName()).contains("submit-measurement");
    }

    @Test
    void shouldCreateAWeightAndReadTheStoredObservationWithItsColour() {
        FutCitizen c = FutExamples.citizen(driver, true);
        Observation weight = parse(Observation.class, weight(c, UUID.randomUUID().toString(), "final", "83.2", at(3)));

        MethodOutcome outcome = client.create().resource(weight).execute();

        assertThat(outcome.getCreated()).isTrue();
        assertThat(outcome.getId().getIdPart()).matches("\\d+");
        Observation stored = (Observation) outcome.getResource();
        assertThat(colour(stored)).as("+3.2 kg").isEqualTo("RED");
        assertThat(stored.getExtensionByUrl(FhirCodes.ADVICE_EXTENSION).getValue().primitiveValue()).contains("112");
    }

    @Test
    void shouldPostBloodPressureInTwoAsATransactionAndReadTheResponse() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String when = at(4);
        Bundle transaction = parse(Bundle.class, FutExamples.bundle("transaction", half(c, UUID.randomUUID().toString(), true, 118, when, "4401"),
                half(c, UUID.randomUUID().toString(), false, 76, when, "4401")));

        Bundle response = client.transaction().withBundle(transaction).execute();

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("201 Created", "201 Created");
        Observation diastolic = (Observation) response.getEntry().get(1).getResource();
        assertThat(colour(diastolic)).isEqualTo("GREEN");
        assertThat(diastolic.getExtensionByUrl(FhirCodes.PAIR_EXTENSION)).as("points at the pair").isNotNull();
    }

    @Test
    void shouldSubmitAMeasurementAsTheOperationAndReadTheBundle() {
        FutCitizen c = FutExamples.citizen(driver, true);
        Parameters parameters = parse(Parameters.class, load("submit-measurement.json", values("observationId", UUID.randomUUID(),
                "questionnaireResponseId", UUID.randomUUID(), "mediaId", UUID.randomUUID(), "provenanceId", UUID.randomUUID(),
                "patient", c.patient(), "at", at(2), "weight", 80.1, "nyha", 1, "swollenLegs", false, "chestPain", true)));

        Bundle response = client.operation().onServer().named("$submit-measurement").withParameters(parameters)
                .returnResourceType(Bundle.class).execute();

        assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(response.getEntry()).hasSize(4);
        assertThat(response.getEntry().get(1).getResource().fhirType()).isEqualTo("QuestionnaireResponse");
        assertThat(response.getEntry().get(1).getResponse().getOutcome().toString()).isNotNull();
        assertThat(((OperationOutcome) response.getEntry().get(1).getResponse().getOutcome()).getIssueFirstRep().getDiagnostics())
                .as("chest pain is severe").contains("colour RED");
    }

    @Test
    void shouldSendACorrectionAndARetractionAndReadBothAnswers() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String id = UUID.randomUUID().toString();
        String when = at(6);
        MethodOutcome first = client.create().resource(parse(Observation.class, weight(c, id, "final", "80.3", when))).execute();

        MethodOutcome corrected = client.create().resource(parse(Observation.class, weight(c, id, "amended", "77.0", when))).execute();

        assertThat(corrected.getCreated()).as("a correction replaces: 200, not 201").isNotEqualTo(Boolean.TRUE);
        assertThat(colour((Observation) corrected.getResource())).as("-3.0 kg").isEqualTo("RED");
        assertThat(((Observation) corrected.getResource()).getValueQuantity().getValue()).isEqualByComparingTo("77.0");

        MethodOutcome retracted = client.create().resource(parse(Observation.class, weight(c, id, "entered-in-error", "77.0", when))).execute();

        Observation answer = (Observation) retracted.getResource();
        assertThat(answer.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(answer.getIdElement().getIdPart()).isEqualTo(first.getId().getIdPart());
        assertThat(corrected.getId().getIdPart()).as("Content-Location of a 200").isEqualTo(first.getId().getIdPart());
        assertThat(colour(answer)).as("a retracted measurement has no colour").isNull();
    }

    @Test
    void shouldReadRefusalsAsOperationOutcomesWithTheirFhirPaths() {
        FutCitizen c = FutExamples.citizen(driver, true);
        Observation comparator = parse(Observation.class, weight(c, UUID.randomUUID().toString(), "final", "66", at(2)));
        comparator.getValueQuantity().setComparator(org.hl7.fhir.r4.model.Quantity.QuantityComparator.GREATER_THAN);

        assertThatThrownBy(() -> client.create().resource(comparator).execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(expression(e))
                        .isEqualTo("Observation.valueQuantity.comparator"));

        Observation stranger = parse(Observation.class, weight(c, UUID.randomUUID().toString(), "final", "80", at(2)));
        stranger.getSubject().setReference(FutExamples.PATIENTS + "/Patient/" + FutExamples.patientId());
        assertThatThrownBy(() -> client.create().resource(stranger).execute())
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(expression(e))
                        .isEqualTo("Observation.subject.reference"));
    }

    private static String expression(BaseServerResponseException e) {
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        assertThat(outcome).as(e.getMessage()).isNotNull();
        return outcome.getIssueFirstRep().getExpression().get(0).getValue();
    }
}
