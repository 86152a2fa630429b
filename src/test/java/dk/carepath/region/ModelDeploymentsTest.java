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
 * cannot tell apart) deploys every other model for every region under the region's tenant, refuses
 * those two in each region naming the file and the element, and shows them to the process owners on
 * their page and in the API. A pack's own files replace the shared ones of the same name for its region only.
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
        assertThat(deployments.refused()).extracting(ModelDeployments.Refusal::region).containsOnly(REGIONS);
        for (String region : REGIONS) {
            assertThat(deployments.refused(region)).extracting(ModelDeployments.Refusal::resource)
                    .containsExactly("a-stray-note.bpmn", "unknown-bean.bpmn");
            ModelDeployments.Refusal note = deployments.refused(region).get(0);
            assertThat(note.reason()).contains("is not well-formed XML");
            assertThat(note.elementIds()).isEmpty();
            ModelDeployments.Refusal bean = deployments.refused(region).get(1);
            assertThat(bean.elementIds()).containsExactly("Task_StrayService");
            assertThat(bean.reason()).contains("Task_StrayService: ", "noSuchBean");
            for (String key : new String[] {"heart-failure-pathway", "citizen-call", "equipment-fault"}) {
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(region).latestVersion().singleResult())
                        .as(key + " is deployed for " + region).isNotNull();
            }
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("stray-process").count()).isZero();
        assertThat(repository.createDeploymentQuery().deploymentName("unknown-bean.bpmn").count()).isZero();
    }

    static final String[] REGIONS = {"MIDT", "NORD", "SYD", "TEST"};

    /** the start-up's latest deployment of a file for a region */
    Deployment latest(String name, String region) {
        return repository.createDeploymentQuery().deploymentName(name).tenantIdIn(region).orderByDeploymentTime().desc().list().get(0);
    }

    @Test
    void aPacksOwnFilesReplaceTheSharedOnesForItsRegionOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path packs) throws Exception {
        // a NORD pack with a pathway and a colour rule of its own, beside a SYD pack without models
        java.nio.file.Path nord = java.nio.file.Files.createDirectories(packs.resolve("nord"));
        java.nio.file.Files.writeString(nord.resolve("region.yaml"), "id: NORD\n");
        java.nio.file.Files.createDirectories(nord.resolve("processes"));
        java.nio.file.Files.createDirectories(nord.resolve("rules"));
        String pathway = java.nio.file.Files.readString(java.nio.file.Path.of("processes/heart-failure-pathway.bpmn"))
                .replace("name=\"Sygeplejefaglig vurdering af inklusion\"", "name=\"Sygeplejefaglig vurdering af inklusion (Nord)\"");
        assertThat(pathway).contains("(Nord)");
        java.nio.file.Files.writeString(nord.resolve("processes/heart-failure-pathway.bpmn"), pathway);
        String colour = java.nio.file.Files.readString(java.nio.file.Path.of("rules/measurement-colour.dmn"))
                .replace("<text>&gt;= pulseRedHigh</text>", "<text>&gt;= 90</text>");
        java.nio.file.Files.writeString(nord.resolve("rules/measurement-colour.dmn"), colour);
        java.nio.file.Files.createDirectories(packs.resolve("syd"));
        java.nio.file.Files.writeString(packs.resolve("syd/region.yaml"), "id: SYD\n");
        Deployment sydBefore = latest("heart-failure-pathway.bpmn", "SYD");

        deployments.deploy(engine, java.util.List.of("classpath*:processes/*.bpmn"), packs.toUri() + "*/region.yaml");

        Deployment nordPathway = latest("heart-failure-pathway.bpmn", "NORD");
        assertThat(text(nordPathway, "heart-failure-pathway.bpmn")).contains("Sygeplejefaglig vurdering af inklusion (Nord)");
        assertThat(text(nordPathway, "measurement-colour.dmn")).contains("&gt;= 90</text>");
        assertThat(repository.getDeploymentResourceNames(nordPathway.getId()))
                .contains("inclusion-eligibility.dmn", "contact-registration.dmn", "nursing-assessment.form");
        assertThat(text(latest("citizen-call.bpmn", "NORD"), "measurement-colour.dmn")).as("every NORD model carries NORD's rules")
                .contains("&gt;= 90</text>");
        assertThat(latest("heart-failure-pathway.bpmn", "SYD").getId()).as("SYD's unchanged models are not deployed again")
                .isEqualTo(sydBefore.getId());
        assertThat(text(sydBefore, "heart-failure-pathway.bpmn")).doesNotContain("(Nord)");
        assertThat(deployments.refused()).isEmpty();
    }

    String text(Deployment deployment, String resource) throws java.io.IOException {
        try (var in = repository.getResourceAsStream(deployment.getId(), resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void eachModelIsDeployedWithItsOwnFormsAndNotAgainWhenNothingChanged() {
        // the start-up's deployment of the pathway (other tests deploy versions of their own, under other names)
        Deployment pathway = latest("heart-failure-pathway.bpmn", "MIDT");
        assertThat(pathway.getTenantId()).isEqualTo("MIDT");
        assertThat(repository.getDeploymentResourceNames(pathway.getId()))
                .contains("heart-failure-pathway.bpmn", "nursing-assessment.form", "set-monitoring-plan.form", "measurement-colour.dmn",
                        "inclusion-eligibility.dmn")
                .doesNotContain("call-citizen-back.form", "swap-kit.form", "citizen-call.bpmn");
        long before = repository.createDeploymentQuery().count();

        startWithStrayFiles(); // as the next start-up would

        assertThat(repository.createDeploymentQuery().count()).as("unchanged models are not deployed again").isEqualTo(before);
        assertThat(latest("heart-failure-pathway.bpmn", "MIDT").getId()).isEqualTo(pathway.getId());
        assertThat(deployments.refused()).hasSize(2 * REGIONS.length);
    }

    @Test
    void processOwnersSeeTheRefusedModelsOthersDoNot() {
        ResponseEntity<JsonNode> owner = http.withBasicAuth("testowner", "secret").getForEntity("/api/regions/refused-models", JsonNode.class);
        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(owner.getBody().findValuesAsText("resource")).containsOnly("a-stray-note.bpmn", "unknown-bean.bpmn")
                .hasSize(2 * REGIONS.length);
        assertThat(owner.getBody().findValuesAsText("region")).contains(REGIONS);
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
