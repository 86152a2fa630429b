package dk.carepath.engine;

import static dk.carepath.engine.ModelConventionsTest.GOOD_TASK_WITH_FORM;
import static dk.carepath.engine.ModelConventionsTest.TRY_FORM;
import static dk.carepath.engine.ModelConventionsTest.TTL;
import static dk.carepath.engine.ModelConventionsTest.file;
import static dk.carepath.engine.ModelConventionsTest.process;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.region.ModelChecker;
import dk.carepath.region.ModelChecker.Finding;
import dk.carepath.support.CarepathTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Each kind of broken set the model check finds beyond the conventions — a DMN that does not compile, a decision
 * input nobody provides, a form that does not fit its task, a start message twice — found by the checker with the
 * file, the element id and the Danish text, and refused the same way when the Modeler deploys it
 * ({@code POST /engine-rest/deployment/create} with a tenant id), with nothing deployed.
 */
@CarepathTest
class ModelCheckTest {

    @Autowired
    ModelChecker checker;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> files(Object... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            Object content = nameAndText[i + 1];
            files.put((String) nameAndText[i], content instanceof byte[] b ? b : bytes((String) content));
        }
        return files;
    }

    ResponseEntity<JsonNode> deployFromTheModeler(String tenant, Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "try-" + UUID.randomUUID());
        parts.add("tenant-id", tenant);
        parts.add("deployment-source", "Camunda Modeler");
        files.forEach((name, content) -> parts.add(name, file(name, content)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("testowner", "secret").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    /** the Modeler's deployment is refused with the finding's element id and Danish text, and deploys nothing */
    void refusedFromTheModeler(Map<String, byte[]> files, Finding finding) {
        long before = repository.createDeploymentQuery().count();
        ResponseEntity<JsonNode> refused = deployFromTheModeler("TEST", files);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("message").asText()).contains(finding.resource(), finding.danish());
        JsonNode errors = refused.getBody().path("details").path(finding.resource()).path("errors");
        assertThat(errors).as("the finding's file and element id, as the Modeler shows them")
                .anySatisfy(e -> assertThat(e.path("mainElementId").asText()).isEqualTo(finding.elementId()));
        assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
    }

    // --- DMN in Drools ----------------------------------------------------------------------------------------

    static String brokenInclusionRules() throws Exception {
        String dmn = Files.readString(Path.of("rules/inclusion-eligibility.dmn"));
        assertThat(dmn).contains("<text>&gt; 40</text>");
        return dmn.replace("<text>&gt; 40</text>", "<text>&gt; 40 +</text>");
    }

    @Test
    void aDecisionTableThatDoesNotCompileIsNamedByItsRule() throws Exception {
        Map<String, byte[]> files = files("inclusion-eligibility.dmn", brokenInclusionRules());
        List<Finding> findings = checker.check("TEST", files);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("inclusion-eligibility.dmn");
            assertThat(f.elementId()).isEqualTo("Rule_EjectionFractionAbove40");
            assertThat(f.english()).contains("does not compile in Drools", "'> 40 +'");
            assertThat(f.danish()).contains("kan ikke oversættes af Drools");
        });
        refusedFromTheModeler(files, findings.get(0));
    }

    @Test
    void theShippedRulesCompileAndADmnNotNamedAfterItsFileIsNamed() throws Exception {
        assertThat(checker.check("TEST", files("inclusion-eligibility.dmn", Files.readString(Path.of("rules/inclusion-eligibility.dmn"))))).isEmpty();
        assertThat(checker.check("TEST", files("inclusion.dmn", Files.readString(Path.of("rules/inclusion-eligibility.dmn")))))
                .singleElement().satisfies(f -> assertThat(f.danish()).contains("modellen hedder 'inclusion-eligibility', ikke som filen"));
        assertThat(checker.check("TEST", files("note.dmn", "not a DMN"))).singleElement()
                .satisfies(f -> assertThat(f.danish()).contains("er ikke gyldig XML"));
    }

    // --- a decision's inputs --------------------------------------------------------------------------------

    /** a process whose only task evaluates a decision with these input parameters */
    static String decisionProcess(String key, String decision, String... inputs) {
        StringBuilder parameters = new StringBuilder();
        for (String input : inputs) {
            parameters.append("<camunda:inputParameter name=\"").append(input).append("\">X</camunda:inputParameter>");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_%1$s" targetNamespace="https://carepath.dk/test">
                  <bpmn:process id="%1$s" name="Prøveproces" isExecutable="true" %4$s>
                    <bpmn:startEvent id="Event_Started" />
                    <bpmn:sequenceFlow id="Flow_ToDecision" sourceRef="Event_Started" targetRef="Task_Decide" />
                    <bpmn:businessRuleTask id="Task_Decide" name="Beslut" camunda:delegateExpression="${evaluateDecision}">
                      <bpmn:extensionElements><camunda:properties><camunda:property name="decision" value="%2$s" /></camunda:properties>
                        <camunda:inputOutput>%3$s</camunda:inputOutput></bpmn:extensionElements>
                    </bpmn:businessRuleTask>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Decide" targetRef="Event_Done" />
                    <bpmn:endEvent id="Event_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, decision, parameters, TTL);
    }

    @Test
    void aDecisionInputThatNothingProvidesIsNamedAtItsTask() {
        String key = "try-decision-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess(key, "contact-registration", "contactPurpose", "contactKind",
                "withPhysician")))).as("every input given").isEmpty();
        Map<String, byte[]> files = files("try.bpmn", decisionProcess(key, "contact-registration", "contactPurpose", "contactKind"));
        List<Finding> findings = checker.check("TEST", files);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("try.bpmn");
            assertThat(f.elementId()).isEqualTo("Task_Decide");
            assertThat(f.english()).contains("decision 'contact-registration' needs the input 'withPhysician'");
            assertThat(f.danish()).contains("skal bruge inputtet 'withPhysician'");
        });
        refusedFromTheModeler(files, findings.get(0));
    }

    @Test
    void theVariablesTheProcessesCodeProvidesCountAndADecisionNobodyShipsIsNamed() {
        // the pathway's inclusion rules read the referral's facts, which Referrals starts the process with (its ProcessContract)
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess("heart-failure-pathway", "inclusion-eligibility")))).isEmpty();
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess("try-other", "inclusion-eligibility"))))
                .extracting(Finding::english).hasSize(12).anySatisfy(e -> assertThat(e).contains("'ejectionFraction'"));
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess("try-other", "no-such-decision")))).singleElement()
                .satisfies(f -> assertThat(f.danish()).contains("kalder beslutningen 'no-such-decision', som hverken udrulles"));
        // a decision deployed with the model is the one its inputs are checked against
        String withOwnInput = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="try-rule" name="try-rule" namespace="https://carepath.dk/test">
                  <decision id="try-rule" name="try-rule">
                    <variable name="try-rule" typeRef="boolean" />
                    <informationRequirement id="Requirement_Weight"><requiredInput href="#InputData_Weight" /></informationRequirement>
                    <literalExpression id="Expression_TryRule"><text>weight &gt; 100</text></literalExpression>
                  </decision>
                  <inputData id="InputData_Weight" name="weight"><variable name="weight" typeRef="number" /></inputData>
                </definitions>
                """;
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess("try-other", "try-rule", "weight"), "try-rule.dmn", withOwnInput)))
                .isEmpty();
        assertThat(checker.check("TEST", files("try.bpmn", decisionProcess("try-other", "try-rule"), "try-rule.dmn", withOwnInput)))
                .singleElement().satisfies(f -> assertThat(f.english()).contains("needs the input 'weight'"));
    }

    // --- forms against their tasks ----------------------------------------------------------------------------

    @Test
    void aFieldTheCompletionRequiresButTheFormLacksIsNamedAtTheTask() {
        String key = "try-form-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(checker.check("TEST", files("try.bpmn", process(key, GOOD_TASK_WITH_FORM, TTL), "try.form", TRY_FORM))).isEmpty();
        Map<String, byte[]> files = files("try.bpmn", process(key, GOOD_TASK_WITH_FORM.replace("value=\"note\"", "value=\"note,outcome\""), TTL),
                "try.form", TRY_FORM);
        List<Finding> findings = checker.check("TEST", files);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo("Task_Try");
            assertThat(f.english()).contains("the completion requires 'outcome', which form try.form has no field for");
            assertThat(f.danish()).contains("afslutningen kræver 'outcome', som formularen try.form ikke har et felt til");
        });
        refusedFromTheModeler(files, findings.get(0));
    }

    @Test
    void eachOtherMismatchOfFormAndTaskIsNamed() {
        String form = """
                {"id": "try-form", "type": "default", "schemaVersion": 16, "components": [
                  {"type": "textfield", "key": "note", "label": "Notat", "validate": {"required": true}},
                  {"type": "textfield", "key": "shown", "label": "Vises", "readonly": true},
                  {"type": "radio", "key": "outcome", "label": "Udfald", "values": [{"label": "Ja", "value": "YES"}, {"label": "Nej", "value": "NO"}]}]}
                """;
        String task = ModelConventionsTest.GOOD_TASK.replace(" />", "><bpmn:extensionElements><camunda:properties>"
                + "<camunda:property name=\"choices.outcome\" value=\"YES,MAYBE\" /></camunda:properties><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"outcome\" /></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>");
        assertThat(checker.check("TEST", files("try.bpmn", process("try-fields", task, TTL), "try.form", form)))
                .allSatisfy(f -> assertThat(f.elementId()).isEqualTo("Task_Try"))
                .extracting(Finding::english).satisfiesExactlyInAnyOrder(
                        e -> assertThat(e).contains("offers [YES, NO] for 'outcome', the completion allows [YES, MAYBE]"),
                        e -> assertThat(e).contains("has the field 'note', which is not a variable of the task"),
                        e -> assertThat(e).contains("requires 'note', the completion does not"),
                        e -> assertThat(e).contains("shows 'shown', which nothing provides to the task"));
    }

    // --- start messages ---------------------------------------------------------------------------------------

    static String messageProcess(String key, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_%1$s" targetNamespace="https://carepath.dk/test">
                  <bpmn:message id="Message_Start" name="%2$s" />
                  <bpmn:process id="%1$s" name="Prøveproces" isExecutable="true" %3$s>
                    <bpmn:startEvent id="Event_%4$sStarted"><bpmn:messageEventDefinition id="Event_%4$sStarted_Definition" messageRef="Message_Start" />
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Event_%4$sStarted" targetRef="Event_Done" />
                    <bpmn:endEvent id="Event_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, message, TTL, key.endsWith("a") ? "First" : "Second");
    }

    @Test
    void twoModelsOfOneDeploymentStartingOnOneMessageAreNamedBoth() {
        String message = "Try_Started_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, byte[]> files = files("try-a.bpmn", messageProcess("try-start-a", message), "try-b.bpmn", messageProcess("try-start-b", message));
        List<Finding> findings = checker.check("TEST", files);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("try-b.bpmn");
            assertThat(f.elementId()).isEqualTo("Event_SecondStarted");
            assertThat(f.danish()).contains("starter på beskeden '" + message + "' ligesom Event_FirstStarted i try-a.bpmn");
        });
        refusedFromTheModeler(files, findings.get(0));
    }

    @Test
    void aModelStartingOnAMessageTheTenantsDeployedProcessStartsOnIsRefusedButAnotherTenantMayUseIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String message = "Try_Started_" + suffix;
        String first = "try-start-" + suffix + "-a";
        ResponseEntity<JsonNode> deployed = deployFromTheModeler("TEST", files("first.bpmn", messageProcess(first, message)));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);

        Map<String, byte[]> second = files("second.bpmn", messageProcess("try-start-" + suffix + "-b", message));
        List<Finding> findings = checker.check("TEST", second);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.elementId()).isEqualTo("Event_SecondStarted");
            assertThat(f.english()).contains("the deployed process '" + first + "' (Event_FirstStarted, tenant TEST) starts on already");
            assertThat(f.danish()).contains("som den udrullede proces '" + first + "' (Event_FirstStarted, lejer TEST) allerede starter på");
        });
        refusedFromTheModeler(second, findings.get(0));
        assertThat(checker.check("OTHER", second)).as("another tenant's message").isEmpty();
        // a new version of the deployed process itself starts on its own message
        assertThat(checker.check("TEST", files("first.bpmn", messageProcess(first, message)))).isEmpty();
    }
}
