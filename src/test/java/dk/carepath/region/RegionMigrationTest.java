package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.pathway.Referrals;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A region's process owner sees which version her region's pathways run on (her region's tenant's
 * versions), moves them to a new version after a dry run, and back to the previous one, or rolls the
 * new version back (new pathways then start the previous model again); another region's pathways and
 * versions stay where they are.
 */
@CarepathTest
class RegionMigrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Referrals referrals;
    @Autowired
    PathwayDriver driver;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;

    String processOwner(String region) {
        String id = region.toLowerCase() + "owner";
        if (identity.createUserQuery().userId(id).count() == 0) {
            var u = identity.newUser(id);
            u.setFirstName(id);
            u.setLastName("Test");
            u.setPassword("secret");
            identity.saveUser(u);
        }
        staff.enrol(id, new Membership("region-" + region.toLowerCase(), Role.PROCESS_OWNER), "Region " + region);
        return id;
    }

    UUID refer(String clinic, String municipality) {
        String cpr = PathwayDriver.newCpr();
        PathwayView pathway = referrals.refer(new ReferralRequest(new ReferralRequest.CitizenDetails(cpr, "Borger " + cpr, "+4512345678",
                null, "Vej 2", municipality, null), ReferralSource.HF_CLINIC, clinic, clinic, "Dr. Migration",
                PathwayDriver.eligibleFacts(), null));
        driver.runJobs(pathway.id());
        return pathway.id();
    }

    int version(UUID pathway) {
        String definition = driver.instance(pathway).getProcessDefinitionId();
        return repository.getProcessDefinition(definition).getVersion();
    }

    /** a new version of the region's pathway, as a process owner deploys it: the model and its forms together */
    int deployNewVersion(String region) throws IOException {
        var deployment = repository.createDeployment().name("pathway, a new version").tenantId(region);
        deployment.addInputStream("heart-failure-pathway.bpmn",
                new org.springframework.core.io.ClassPathResource("processes/heart-failure-pathway.bpmn").getInputStream());
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        String id = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey("heart-failure-pathway").singleResult().getVersion();
    }

    ResponseEntity<JsonNode> migrate(String user, String region, Map<String, Object> request) {
        return http.withBasicAuth(user, "secret").postForEntity("/api/regions/" + region + "/migrations", request, JsonNode.class);
    }

    @Test
    void aProcessOwnerMovesHerRegionsPathwaysToANewVersionAfterADryRunAndBack() throws IOException {
        String owner = processOwner("SYD");
        UUID syd = refer("hjerteklinik-ouh", "kommune-461");
        UUID nord = refer("hjerteklinik-aauh", "kommune-851");
        int old = version(syd);
        String nordLatest = latest("NORD");
        String nordDefinition = driver.instance(nord).getProcessDefinitionId();
        int fresh = deployNewVersion("SYD");
        assertThat(fresh).isEqualTo(old + 1);
        assertThat(latest("NORD")).as("a SYD version is no NORD version").isEqualTo(nordLatest);

        JsonNode models = http.withBasicAuth(owner, "secret").getForObject("/api/regions/SYD/models", JsonNode.class);
        JsonNode oldView = null;
        for (JsonNode m : models) {
            assertThat(m.path("tenantId").asText("SYD")).as("only the region's own versions (or shared ones its instances run on)").isEqualTo("SYD");
            if (m.path("key").asText().equals("heart-failure-pathway") && m.path("version").asInt() == old) oldView = m;
        }
        assertThat(oldView).isNotNull();
        assertThat(oldView.path("running").asLong()).isGreaterThanOrEqualTo(1);

        ResponseEntity<JsonNode> dry = migrate(owner, "SYD", Map.of("processKey", "heart-failure-pathway"));
        assertThat(dry.getStatusCode()).as(String.valueOf(dry.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.getBody().path("valid").asBoolean()).isTrue();
        assertThat(dry.getBody().path("instances").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(version(syd)).as("a dry run moves nothing").isEqualTo(old);

        ResponseEntity<JsonNode> moved = migrate(owner, "SYD", Map.of("processKey", "heart-failure-pathway", "dryRun", false,
                "reason", "Ny version af forløbet"));
        assertThat(moved.getStatusCode()).as(String.valueOf(moved.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(version(syd)).isEqualTo(fresh);
        assertThat(driver.instance(nord).getProcessDefinitionId()).as("another region's pathway stays on its version").isEqualTo(nordDefinition);

        ResponseEntity<JsonNode> back = migrate(owner, "SYD", Map.of("processKey", "heart-failure-pathway", "toVersion", old,
                "dryRun", false, "reason", "Tilbage til den forrige version"));
        assertThat(back.getStatusCode()).as(String.valueOf(back.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(version(syd)).isEqualTo(old);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(driver.instance(syd).getId()).count()).isEqualTo(1);
    }

    String latest(String region) {
        return repository.createProcessDefinitionQuery().processDefinitionKey("heart-failure-pathway").tenantIdIn(region).latestVersion()
                .singleResult().getId();
    }

    ResponseEntity<JsonNode> rollback(String user, String region, Map<String, Object> request) {
        return http.withBasicAuth(user, "secret").postForEntity("/api/regions/" + region + "/models/heart-failure-pathway/rollback", request,
                JsonNode.class);
    }

    @Test
    void aRollbackDeploysThePreviousVersionAgainAndMovesTheRegionsPathwaysOntoIt() throws IOException {
        String owner = processOwner("SYD");
        String before = latest("SYD");
        int fresh = deployNewVersion("SYD");
        UUID onFresh = refer("hjerteklinik-ouh", "kommune-461");
        assertThat(version(onFresh)).isEqualTo(fresh);
        UUID nord = refer("hjerteklinik-aauh", "kommune-851");
        String nordDefinition = driver.instance(nord).getProcessDefinitionId();

        ResponseEntity<JsonNode> dry = rollback(owner, "SYD", Map.of());
        assertThat(dry.getStatusCode()).as(String.valueOf(dry.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(dry.getBody().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.getBody().path("valid").asBoolean()).isTrue();
        assertThat(dry.getBody().path("fromVersion").asInt()).isEqualTo(fresh);
        assertThat(dry.getBody().path("previousVersion").asInt()).isEqualTo(fresh - 1);
        assertThat(dry.getBody().path("instances").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(latest("SYD")).as("a dry run deploys nothing").isEqualTo(repository.createProcessDefinitionQuery()
                .processDefinitionKey("heart-failure-pathway").tenantIdIn("SYD").processDefinitionVersion(fresh).singleResult().getId());
        assertThat(version(onFresh)).isEqualTo(fresh);

        assertThat(rollback(owner, "SYD", Map.of("dryRun", false)).getStatusCode()).as("a reason is required").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rollback("testowner", "SYD", Map.of("dryRun", false, "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> done = rollback(owner, "SYD", Map.of("dryRun", false, "reason", "Den nye version var forkert"));
        assertThat(done.getStatusCode()).as(String.valueOf(done.getBody())).isEqualTo(HttpStatus.OK);
        int restored = done.getBody().path("newVersion").asInt();
        assertThat(restored).isEqualTo(fresh + 1);
        assertThat(version(onFresh)).as("the pathway on the version rolled back moved to the restored one").isEqualTo(restored);
        String restoredId = latest("SYD");
        assertThat(repository.getDeploymentResourceNames(repository.getProcessDefinition(restoredId).getDeploymentId()))
                .as("the previous version's files, its rules with it").containsExactlyInAnyOrderElementsOf(
                        repository.getDeploymentResourceNames(repository.getProcessDefinition(before).getDeploymentId()));
        UUID next = refer("hjerteklinik-ouh", "kommune-461");
        assertThat(version(next)).as("a new pathway starts the restored version").isEqualTo(restored);
        assertThat(driver.instance(nord).getProcessDefinitionId()).as("NORD is not touched").isEqualTo(nordDefinition);
        assertThat(latest("NORD")).isEqualTo(nordDefinition);
    }

    @Test
    void anotherRegionsProcessOwnerNeitherSeesNorMovesTheModels() {
        assertThat(http.withBasicAuth("testowner", "secret").getForEntity("/api/regions/SYD/models", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate("testowner", "SYD", Map.of("processKey", "heart-failure-pathway")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate(processOwner("SYD"), "SYD", Map.of("processKey", "no-such-process")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
