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
 * A region's process owner sees which version her region's pathways run on, moves them to a new
 * version after a dry run, and back to the previous one; another region's pathways stay where they
 * are.
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

    /** a new version of the pathway, as a process owner deploys it: the model and its forms together */
    int deployNewVersion() throws IOException {
        var deployment = repository.createDeployment().name("pathway, a new version").enableDuplicateFiltering(false);
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
        int fresh = deployNewVersion();
        assertThat(fresh).isGreaterThan(old);

        JsonNode models = http.withBasicAuth(owner, "secret").getForObject("/api/regions/SYD/models", JsonNode.class);
        JsonNode oldView = null;
        for (JsonNode m : models) {
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
        assertThat(version(nord)).as("another region's pathway stays on its version").isEqualTo(old);

        ResponseEntity<JsonNode> back = migrate(owner, "SYD", Map.of("processKey", "heart-failure-pathway", "toVersion", old,
                "dryRun", false, "reason", "Tilbage til den forrige version"));
        assertThat(back.getStatusCode()).as(String.valueOf(back.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(version(syd)).isEqualTo(old);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(driver.instance(syd).getId()).count()).isEqualTo(1);
    }

    @Test
    void anotherRegionsProcessOwnerNeitherSeesNorMovesTheModels() {
        assertThat(http.withBasicAuth("testowner", "secret").getForEntity("/api/regions/SYD/models", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate("testowner", "SYD", Map.of("processKey", "heart-failure-pathway")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate(processOwner("SYD"), "SYD", Map.of("processKey", "no-such-process")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
