package dk.carepath.callrouting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DroolsDecisions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of rules/contact-registration.dmn (hit policy FIRST), evaluated by Drools: the
 * Swedish routine for registering phone contacts [003].
 */
class ContactRegistrationRulesTest {

    static DroolsDecisions decisions;

    @BeforeAll
    static void compile() {
        decisions = new DroolsDecisions();
    }

    static DecisionResult classify(String purpose, String kind, Boolean withPhysician) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("contactPurpose", purpose);
        facts.put("contactKind", kind);
        facts.put("withPhysician", withPhysician);
        return decisions.evaluate("contact-registration", facts);
    }

    static void assertNotAContact(DecisionResult result) {
        assertThat(result.get("registeredAsContact")).isEqualTo(false);
        assertThat(result.get("visitType")).isNull();
        assertThat(result.get("patientFee")).isNull();
        assertThat(result.get("paymentMethod")).isNull();
    }

    static void assertFreePhoneContact(DecisionResult result) {
        assertThat(result.get("registeredAsContact")).isEqualTo(true);
        assertThat(result.text("visitType")).isEqualTo("Tele");
        assertThat((BigDecimal) result.get("patientFee")).isEqualByComparingTo("0");
        assertThat(result.text("paymentMethod")).isEqualTo("Generell betalningsbefrielse (Gena)");
        assertThat(result.text("noteType")).isEqualTo("Tfn");
        assertThat(result.get("followUp")).isNull();
    }

    @Test
    void ruleUnansweredBookedCallIsNotArrivalRegistered() {
        DecisionResult result = classify("CLINICAL_ADVICE", "BOOKED_UNANSWERED", false);
        assertNotAContact(result);
        assertThat(result.get("noteType")).isNull();
        assertThat(result.text("registrationReason")).contains("ankomstregistreres ikke");
    }

    @Test
    void ruleUnansweredCallBackIsOnlyAnOutOfVisitNote() {
        DecisionResult result = classify("CLINICAL_ADVICE", "CALL_BACK_UNANSWERED", false);
        assertNotAContact(result);
        assertThat(result.text("noteType")).isEqualTo("Utanbesöksanteckning");
    }

    @Test
    void ruleBookingCallIsNotAPhoneContact() {
        DecisionResult result = classify("BOOKING", "INCOMING_ANSWERED", false);
        assertNotAContact(result);
        assertThat(result.get("noteType")).isNull();
        assertThat(result.text("registrationReason")).startsWith("Opkald om tidsbestilling");
    }

    @Test
    void rulePrescriptionRenewalGoesToTheWatchList() {
        DecisionResult result = classify("PRESCRIPTION_RENEWAL", "INCOMING_ANSWERED", false);
        assertNotAContact(result);
        assertThat(result.text("followUp")).isEqualTo("WATCH_LIST");
        assertThat(result.text("registrationReason")).contains("JO20");
    }

    @Test
    void ruleSickNoteExtensionWithoutPhysicianNeedsABookedPhysicianContact() {
        DecisionResult result = classify("SICK_NOTE_EXTENSION", "INCOMING_ANSWERED", false);
        assertNotAContact(result);
        assertThat(result.text("followUp")).isEqualTo("BOOK_PHYSICIAN_CONTACT");
        // not knowing who took it counts as not a physician
        assertThat(classify("SICK_NOTE_EXTENSION", "INCOMING_ANSWERED", null).text("followUp")).isEqualTo("BOOK_PHYSICIAN_CONTACT");
    }

    @Test
    void ruleSickNoteExtensionWithPhysicianIsAPaidContact() {
        DecisionResult result = classify("SICK_NOTE_EXTENSION", "BOOKED_ANSWERED", true);
        assertThat(result.get("registeredAsContact")).isEqualTo(true);
        assertThat(result.text("visitType")).isEqualTo("Tele");
        assertThat(result.get("patientFee")).as("the ordinary fee, not P0").isNull();
        assertThat(result.text("paymentMethod")).isEqualTo("Ordinarie patientavgift");
        assertThat(result.text("noteType")).isEqualTo("Tfn");
    }

    @Test
    void ruleCallBackFromPhoneQueueIsAnOutOfVisitNoteNotAContact() {
        DecisionResult result = classify("CLINICAL_ADVICE", "CALL_BACK_FROM_QUEUE", false);
        assertNotAContact(result);
        assertThat(result.text("noteType")).isEqualTo("Utanbesöksanteckning");
        assertThat(result.text("registrationReason")).contains("telefonkø");
    }

    @Test
    void ruleTechnicalSupportCallIsNotAPhoneContact() {
        DecisionResult result = classify("TECHNICAL_SUPPORT", "INCOMING_ANSWERED", false);
        assertNotAContact(result);
        assertThat(result.text("noteType")).isEqualTo("Utanbesöksanteckning");
        assertThat(result.text("registrationReason")).startsWith("Teknisk vejledning");
    }

    @Test
    void ruleMeasurementDeviationCallIsNotAPhoneContact() {
        DecisionResult result = classify("MEASUREMENT_DEVIATION", "INCOMING_ANSWERED", false);
        assertNotAContact(result);
        assertThat(result.text("noteType")).isEqualTo("Utanbesöksanteckning");
        assertThat(result.text("registrationReason")).startsWith("Nyt måletidspunkt eller pause");
    }

    @Test
    void ruleBookedPhoneContactIsTeleP0Gena() {
        DecisionResult result = classify("CLINICAL_ADVICE", "BOOKED_ANSWERED", false);
        assertFreePhoneContact(result);
        assertThat(result.text("registrationReason")).startsWith("Booket telefonkontakt");
    }

    @Test
    void rulePhoneAdviceIsTeleP0GenaCountedAsTfn() {
        DecisionResult result = classify("CLINICAL_ADVICE", "INCOMING_ANSWERED", false);
        assertFreePhoneContact(result);
        assertThat(result.text("registrationReason")).startsWith("Telefonisk rådgivning");
    }

    @Test
    void ruleNotInRoutineIsNotRegistered() {
        DecisionResult result = classify("CLINICAL_ADVICE", null, false);
        assertNotAContact(result);
        assertThat(result.text("registrationReason")).startsWith("Kombinationen er ikke beskrevet");
    }

    @Test
    void unansweredCallsComeBeforeThePurpose() {
        // FIRST: a sick-note call with a physician that nobody answered is still no contact
        assertNotAContact(classify("SICK_NOTE_EXTENSION", "BOOKED_UNANSWERED", true));
        // and a booking call from the queue is a booking call: not even a note
        assertThat(classify("BOOKING", "CALL_BACK_FROM_QUEUE", false).get("noteType")).isNull();
    }
}
