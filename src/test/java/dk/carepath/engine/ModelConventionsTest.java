package dk.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The model conventions every deployment passes: the shipped models keep them; each kind of broken
 * model is refused with its element id; a deployment from the Modeler (REST, with a tenant id) goes
 * through the same check, is refused with the element id and deploys nothing, and a good one runs
 * at once, without a restart.
 */
@CarepathTest
class ModelConventionsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    static Set<String> shippedForms() throws Exception {
        Set<String> forms = new HashSet<>();
        try (var files = Files.list(Path.of("forms"))) {
            for (Path f : files.toList()) {
                forms.add(ModelConventionsPlugin.formId(Files.readAllBytes(f)));
            }
        }
        return forms;
    }

    @Test
    void theShippedModelsKeepTheConventions() throws Exception {
        Set<String> forms = shippedForms();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path model : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                assertThat(ModelConventions.check(model.getFileName().toString(), Files.readAllBytes(model), forms, context::containsBean))
                        .as(model.toString()).isEmpty();
            }
        }
        assertThat(http.withBasicAuth("testowner", "secret").getForObject("/api/regions/refused-models", String.class))
                .as("every shipped model deployed at start-up").isEqualTo("[]");
    }

    /** a small process whose user task is what is given */
    static String process(String key, String userTask, String more) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_%1$s" targetNamespace="https://carepath.dk/test">
                  <bpmn:process id="%1$s" name="Prøveproces" isExecutable="true" %3$s>
                    <bpmn:startEvent id="Event_Started" />
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Started" targetRef="Task_Try" />
                    %2$s
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Try" targetRef="Event_Done" />
                    <bpmn:endEvent id="Event_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, userTask, more);
    }

    static final String GOOD_TASK = "<bpmn:userTask id=\"Task_Try\" name=\"Prøv\" camunda:formRef=\"try-form\" camunda:formRefBinding=\"deployment\" "
            + "camunda:candidateGroups=\"test-clinic.hf-nurse\" />";
    /** GOOD_TASK with what its form {@link #TRY_FORM} needs: its field as an input parameter, required on completion */
    static final String GOOD_TASK_WITH_FORM = GOOD_TASK.replace(" />", "><bpmn:extensionElements><camunda:properties><camunda:property "
            + "name=\"required\" value=\"note\" /></camunda:properties><camunda:inputOutput><camunda:inputParameter name=\"note\" />"
            + "</camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>");
    /** a form of one required field, "note" */
    static final String TRY_FORM = """
            {"id": "try-form", "type": "default", "schemaVersion": 16, "components": [
              {"type": "textfield", "key": "note", "label": "Notat", "id": "Field_note", "validate": {"required": true}}]}
            """;
    static final String TTL = "camunda:historyTimeToLive=\"180\"";

    List<ModelConventions.Finding> check(String xml) {
        return ModelConventions.check("try.bpmn", xml.getBytes(StandardCharsets.UTF_8), Set.of("try-form"), context::containsBean);
    }

    @Test
    void aGoodModelHasNoFindings() {
        assertThat(check(process("try-good", GOOD_TASK, TTL))).isEmpty();
    }

    @Test
    void aUserTaskWithoutAFormIsRefusedByItsId() {
        assertThat(check(process("try", "<bpmn:userTask id=\"Task_Try\" name=\"Prøv\" />", TTL)))
                .singleElement().satisfies(f -> {
                    assertThat(f.elementId()).isEqualTo("Task_Try");
                    assertThat(f.danish()).contains("uden formular");
                });
    }

    @Test
    void aFormThatIsNotDeployedWithTheModelIsNamed() {
        assertThat(check(process("try", GOOD_TASK.replace("try-form", "no-such-form"), TTL)))
                .singleElement().satisfies(f -> assertThat(f.english()).contains("'no-such-form' is not deployed with it"));
    }

    @Test
    void aBeanThatDoesNotExistIsNamed() {
        String task = GOOD_TASK.replace(" />", "><bpmn:extensionElements><camunda:taskListener delegateExpression=\"${noSuchForm}\" "
                + "event=\"create\" /></bpmn:extensionElements></bpmn:userTask>");
        String due = task.replace("camunda:formRef=", "camunda:dueDate=\"${clinicHourz.dueWithin('PT2H')}\" camunda:formRef=");
        assertThat(check(process("try", due, TTL))).extracting(ModelConventions.Finding::english)
                .anySatisfy(e -> assertThat(e).contains("'noSuchForm'"))
                .anySatisfy(e -> assertThat(e).contains("'clinicHourz'"));
        assertThat(check(process("try", due, TTL))).allSatisfy(f -> assertThat(f.elementId()).isEqualTo("Task_Try"));
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveIsRefused() {
        assertThat(check(process("try-ttl", GOOD_TASK, ""))).singleElement()
                .satisfies(f -> assertThat(f.elementId()).isEqualTo("try-ttl"));
    }

    @Test
    void anIdTheModelerMadeUpIsRefused() {
        assertThat(check(process("try", GOOD_TASK, TTL).replace("Flow_ToEnd", "Flow_0k2j3h4"))).singleElement()
                .satisfies(f -> assertThat(f.elementId()).isEqualTo("Flow_0k2j3h4"));
    }

    @Test
    void aCandidateGroupThatIsNoOrganisationAndRoleIsRefused() {
        assertThat(check(process("try", GOOD_TASK.replace("test-clinic.hf-nurse", "hf-nurse"), TTL))).singleElement()
                .satisfies(f -> assertThat(f.danish()).contains("'hf-nurse' er ikke organisation × rolle"));
    }

    ResponseEntity<JsonNode> deployFromTheModeler(String name, String bpmn, boolean withForm) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("tenant-id", "TEST");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("try.bpmn", file("try.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        if (withForm) {
            parts.add("try.form", file("try.form", TRY_FORM.getBytes(StandardCharsets.UTF_8)));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth("testowner", "secret").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    static HttpEntity<ByteArrayResource> file(String name, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData(name, name);
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    @Test
    void aModelerDeploymentOfABrokenModelIsRefusedWithTheElementIdAndDeploysNothing() throws Exception {
        String name = "broken-" + UUID.randomUUID();
        ResponseEntity<JsonNode> refused = deployFromTheModeler(name, process("try-broken", "<bpmn:userTask id=\"Task_Try\" name=\"Prøv\" />", TTL),
                false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("Task_Try", "uden formular");
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("try-broken").count()).isZero();
    }

    @Test
    void aGoodModelerDeploymentRunsAtOnce() throws Exception {
        String key = "try-good-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> deployed = deployFromTheModeler("good-" + key, process(key, GOOD_TASK_WITH_FORM, TTL), true);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        var instance = runtime.createProcessInstanceByKey(key).processDefinitionTenantId("TEST").execute();
        assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("Task_Try").count()).isEqualTo(1);
    }
}
