package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A stray note and a model calling a bean that does not exist lie among the shipped models: the
 * start-up's deployment (run again here on the tests' engine, as a start-up with these files would run
 * it; a second Spring context would put a second engine beside the first, which Camunda's REST API
 * cannot tell apart) deploys every other model, refuses those two naming the file and the element, and
 * shows them to the process owners on their page and in the API.
 */
@CarepathTest
class ModelDeploymentsTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    ModelDeployments deployments;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void startWithStrayFiles() {
        deployments.deploy(engine, java.util.List.of("classpath*:processes/*.bpmn", "classpath:stray-models/*.bpmn"));
    }

    @AfterEach
    void startAsShipped() {
        deployments.postProcessEngineBuild(engine);
        assertThat(deployments.refused()).isEmpty();
    }

    @Test
    void aBrokenFileCostsOnlyItselfAndIsNamedWithItsElement() {
        assertThat(deployments.refused()).extracting(ModelDeployments.Refusal::resource)
                .containsExactly("a-stray-note.bpmn", "unknown-bean.bpmn");
        ModelDeployments.Refusal note = deployments.refused().get(0);
        assertThat(note.reason()).contains("is not well-formed XML");
        assertThat(note.elementIds()).isEmpty();
        ModelDeployments.Refusal bean = deployments.refused().get(1);
        assertThat(bean.elementIds()).containsExactly("Task_StrayService");
        assertThat(bean.reason()).contains("Task_StrayService: ", "noSuchBean");

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("stray-process").count()).isZero();
        assertThat(repository.createDeploymentQuery().deploymentName("unknown-bean.bpmn").count()).isZero();
        for (String key : new String[] {"heart-failure-pathway", "citizen-call", "equipment-fault"}) {
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult())
                    .as(key + " is deployed").isNotNull();
        }
    }

    @Test
    void eachModelIsDeployedWithItsOwnFormsAndNotAgainWhenNothingChanged() {
        // the start-up's deployment of the pathway (other tests deploy versions of their own, under other names)
        Deployment pathway = repository.createDeploymentQuery().deploymentName("heart-failure-pathway.bpmn")
                .orderByDeploymentTime().desc().list().get(0);
        assertThat(repository.getDeploymentResourceNames(pathway.getId()))
                .contains("heart-failure-pathway.bpmn", "nursing-assessment.form", "set-monitoring-plan.form")
                .doesNotContain("call-citizen-back.form", "swap-kit.form", "citizen-call.bpmn");
        long before = repository.createDeploymentQuery().count();

        startWithStrayFiles(); // as the next start-up would

        assertThat(repository.createDeploymentQuery().count()).as("unchanged models are not deployed again").isEqualTo(before);
        assertThat(repository.createDeploymentQuery().deploymentName("heart-failure-pathway.bpmn").orderByDeploymentTime().desc()
                .list().get(0).getId()).isEqualTo(pathway.getId());
        assertThat(deployments.refused()).hasSize(2);
    }

    @Test
    void processOwnersSeeTheRefusedModelsOthersDoNot() {
        ResponseEntity<JsonNode> owner = http.withBasicAuth("testowner", "secret").getForEntity("/api/regions/refused-models", JsonNode.class);
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(owner.getBody().findValuesAsText("resource")).containsExactly("a-stray-note.bpmn", "unknown-bean.bpmn");
        assertThat(owner.getBody().get(1).path("elementIds").get(0).asText()).isEqualTo("Task_StrayService");
        assertThat(http.withBasicAuth("testnurse", "secret").getForEntity("/api/regions/refused-models", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys("testowner");
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement refused = browser.waitFor(By.id("refused-models"));
        assertThat(refused.getText()).contains("Modeller, der ikke blev udrullet", "seneste gode version er stadig i brug",
                "unknown-bean.bpmn", "Task_StrayService", "a-stray-note.bpmn");
    }
}
