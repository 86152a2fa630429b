package dk.carepath.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The phrase library and the material catalogue over real HTTP: who sees which phrases, links only to
 * the allow-list (never a video site), PDFs checked by their content and size, assignments to one
 * citizen or many (all or none), need to know on a citizen's materials, and the access log.
 */
@CarepathTest
class LibraryApiTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** a PNG's first bytes: a picture, whatever its name says */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrganisationsPhrasesAreItsMembersOnly() {
        String text = "Borgeren er informeret om væskerestriktion " + UUID.randomUUID();
        ResponseEntity<JsonNode> added = post("testnurse", "/api/phrases",
                Map.of("organisationId", PathwayDriver.CLINIC, "title", "Væske", "text", text));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().path("organisationId").asText()).isEqualTo(PathwayDriver.CLINIC);
        assertThat(added.getBody().path("createdBy").asText()).isEqualTo("testnurse");

        assertThat(get("testcolleague", "/api/phrases").getBody().findValuesAsText("text")).as("a colleague of the clinic").contains(text);
        assertThat(get("testcardiologist", "/api/phrases").getBody().findValuesAsText("text")).as("the clinic's cardiologist").contains(text);
        assertThat(get("testothernurse", "/api/phrases").getBody().findValuesAsText("text")).as("another clinic").doesNotContain(text);
        assertThat(get("testmunicipalnurse", "/api/phrases").getBody().findValuesAsText("text")).as("a municipality").doesNotContain(text);
        assertThat(get("testgp", "/api/phrases").getStatusCode()).as("a GP has no phrase library").isEqualTo(HttpStatus.FORBIDDEN);

        // another organisation's library is not hers to add to, nor to remove from
        ResponseEntity<JsonNode> foreign = post("testothernurse", "/api/phrases",
                Map.of("organisationId", PathwayDriver.CLINIC, "title", "Fremmed", "text", "Fremmed tekst"));
        assertProblem(foreign, HttpStatus.FORBIDDEN, "organisationId");
        long id = added.getBody().path("id").asLong();
        assertThat(exchange("testothernurse", HttpMethod.DELETE, "/api/phrases/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange("testcolleague", HttpMethod.DELETE, "/api/phrases/" + id, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("testnurse", "/api/phrases").getBody().findValuesAsText("text")).doesNotContain(text);
    }

    @Test
    void aPhraseIsRefusedByFieldAndNothingIsCut() {
        assertProblem(post("testnurse", "/api/phrases", Map.of("organisationId", PathwayDriver.CLINIC, "title", "Tom", "text", " ")),
                HttpStatus.BAD_REQUEST, "text");
        assertProblem(post("testnurse", "/api/phrases", Map.of("organisationId", PathwayDriver.CLINIC, "title", "x".repeat(101), "text", "t")),
                HttpStatus.BAD_REQUEST, "title");
        assertProblem(post("testnurse", "/api/phrases", Map.of("organisationId", PathwayDriver.CLINIC, "title", "Lang",
                "text", "y".repeat(2001))), HttpStatus.BAD_REQUEST, "text");
        assertProblem(post("testnurse", "/api/phrases", Map.of("organisationId", "no-such-clinic", "title", "t", "text", "t")),
                HttpStatus.UNPROCESSABLE_ENTITY, "organisationId");
        String longest = "z".repeat(2000);
        ResponseEntity<JsonNode> kept = post("testnurse", "/api/phrases", Map.of("organisationId", PathwayDriver.CLINIC, "title", "Lang",
                "text", longest));
        assertThat(kept.getBody().path("text").asText()).isEqualTo(longest);
    }

    @Test
    void aLinkOutsideTheAllowListIsRefusedAndSoIsEveryVideoSite() {
        assertThat(assertProblem(link("testnurse", "https://www.example.com/hjertesvigt"), HttpStatus.BAD_REQUEST, "url").path("detail").asText())
                .contains("www.example.com", "allow-list", "sundhed.dk");
        // a domain that merely ends like an allowed one is another domain
        assertProblem(link("testnurse", "https://falsksundhed.dk/info"), HttpStatus.BAD_REQUEST, "url");
        assertThat(assertProblem(link("testnurse", "https://www.youtube.com/watch?v=abc"), HttpStatus.BAD_REQUEST, "url").path("detail").asText())
                .contains("video site");
        assertProblem(link("testnurse", "https://vimeo.com/123"), HttpStatus.BAD_REQUEST, "url");
        assertThat(assertProblem(link("testnurse", "http://www.sundhed.dk/borger"), HttpStatus.BAD_REQUEST, "url").path("detail").asText())
                .contains("https");
        assertProblem(link("testnurse", "https://bruger:kode@www.sundhed.dk/"), HttpStatus.BAD_REQUEST, "url");
        assertProblem(link("testnurse", "javascript:alert(1)"), HttpStatus.BAD_REQUEST, "url");
        assertThat(jdbc.queryForObject("select count(*) from material where url like '%example.com%' or url like '%youtube%'", Long.class))
                .as("nothing refused was stored").isZero();

        ResponseEntity<JsonNode> allowed = link("testnurse", "https://www.sundhed.dk/borger/sygdomme-a-aa/hjerte-kar/hjertesvigt/");
        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(allowed.getBody().path("kind").asText()).isEqualTo("LINK");
        assertThat(allowed.getBody().path("href").asText()).isEqualTo("https://www.sundhed.dk/borger/sygdomme-a-aa/hjerte-kar/hjertesvigt/");
        String title = allowed.getBody().path("title").asText();
        assertThat(get("testcolleague", "/api/materials").getBody().findValuesAsText("title")).contains(title);
        assertThat(get("testothernurse", "/api/materials").getBody().findValuesAsText("id"))
                .as("another clinic's catalogue").doesNotContain(allowed.getBody().path("id").asText());
    }

    @Test
    void aPdfThatIsNotAPdfIsRefusedAndARealOneIsKeptByteForByte() {
        ResponseEntity<JsonNode> png = pdf("testnurse", "Kostråd", "kostraad.pdf", PNG, MediaType.APPLICATION_PDF);
        assertThat(assertProblem(png, HttpStatus.BAD_REQUEST, "file").path("detail").asText()).contains("not a PDF");
        byte[] cut = Arrays.copyOf(PDF, PDF.length - 8);
        assertProblem(pdf("testnurse", "Afskåret", "afskaaret.pdf", cut, MediaType.APPLICATION_PDF), HttpStatus.BAD_REQUEST, "file");
        assertProblem(pdf("testnurse", "Tom", "tom.pdf", new byte[0], MediaType.APPLICATION_PDF), HttpStatus.BAD_REQUEST, "file");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        System.arraycopy(PDF, 0, large, large.length - PDF.length, PDF.length);
        assertProblem(pdf("testnurse", "Stor", "stor.pdf", large, MediaType.APPLICATION_PDF), HttpStatus.PAYLOAD_TOO_LARGE, "file");
        assertProblem(pdf("testnurse", " ", "titel.pdf", PDF, MediaType.APPLICATION_PDF), HttpStatus.BAD_REQUEST, "title");
        assertThat(jdbc.queryForObject("select count(*) from material where title in ('Kostråd', 'Afskåret', 'Stor')", Long.class))
                .as("nothing refused was stored").isZero();

        // a PDF is a PDF by its content, whatever type the browser declared
        ResponseEntity<JsonNode> kept = pdf("testnurse", "Vejledning om vægt", "C:\\Users\\nina\\vaegt.pdf", PDF,
                MediaType.APPLICATION_OCTET_STREAM);
        assertThat(kept.getStatusCode()).as(String.valueOf(kept.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(kept.getBody().path("fileName").asText()).as("the name without the uploader's folders").isEqualTo("vaegt.pdf");
        assertThat(kept.getBody().path("sizeBytes").asLong()).isEqualTo(PDF.length);
        String href = kept.getBody().path("href").asText();
        ResponseEntity<byte[]> content = http.withBasicAuth("testcolleague", "secret").getForEntity(href, byte[].class);
        assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(content.getBody()).isEqualTo(PDF);
        assertThat(http.withBasicAuth("testothernurse", "secret").getForEntity(href, String.class).getStatusCode())
                .as("another clinic's document").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMaterialIsAssignedToManyCitizensAllOrNoneSeenByWhoSeesTheCitizenAndAudited() {
        UUID first = citizen(driver.refer(PathwayDriver.eligibleFacts()));
        UUID second = citizen(driver.refer(PathwayDriver.eligibleFacts()));
        UUID elsewhere = citizen(driver.refer(PathwayDriver.eligibleFacts(), PathwayDriver.OTHER_CLINIC, PathwayDriver.OTHER_MUNICIPALITY));
        long material = pdf("testnurse", "Pjece om hjertesvigt", "pjece.pdf", PDF, MediaType.APPLICATION_PDF).getBody().path("id").asLong();

        // one citizen the clinic does not serve: nothing is assigned
        ResponseEntity<JsonNode> refused = post("testnurse", "/api/materials/" + material + "/assignments",
                Map.of("citizenIds", List.of(first.toString(), elsewhere.toString())));
        assertProblem(refused, HttpStatus.NOT_FOUND, "citizenIds[1]");
        assertThat(assigned("testnurse", first)).as("all or none").isEmpty();
        assertProblem(post("testnurse", "/api/materials/" + material + "/assignments",
                Map.of("citizenIds", List.of(first.toString(), first.toString()))), HttpStatus.BAD_REQUEST, "citizenIds[1]");
        assertProblem(post("testnurse", "/api/materials/" + material + "/assignments", Map.of("citizenIds", List.of())),
                HttpStatus.BAD_REQUEST, "citizenIds");
        assertThat(post("testothernurse", "/api/materials/" + material + "/assignments",
                Map.of("citizenIds", List.of(elsewhere.toString()))).getStatusCode()).as("not in her catalogue").isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> both = post("testnurse", "/api/materials/" + material + "/assignments",
                Map.of("citizenIds", List.of(first.toString(), second.toString())));
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(both.getBody().path("assigned").findValuesAsText("")).isEmpty();
        assertThat(both.getBody().path("assigned")).hasSize(2);
        ResponseEntity<JsonNode> again = post("testnurse", "/api/materials/" + material + "/assignments",
                Map.of("citizenIds", List.of(first.toString())));
        assertThat(again.getStatusCode()).as("already hers: nothing new").isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("alreadyAssigned").get(0).asText()).isEqualTo(first.toString());

        JsonNode listed = assigned("testcolleague", first);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("material").path("title").asText()).isEqualTo("Pjece om hjertesvigt");
        assertThat(listed.get(0).path("assignedBy").asText()).isEqualTo("testnurse");
        // the citizen's municipality sees her clinically: her materials, and the clinic's document given to her
        assertThat(assigned("testmunicipalnurse", second)).hasSize(1);
        assertThat(http.withBasicAuth("testmunicipalnurse", "secret").getForEntity("/api/materials/" + material + "/content", byte[].class)
                .getBody()).isEqualTo(PDF);
        assertThat(get("testothernurse", "/api/citizens/" + first + "/materials").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("testothernurse", "secret").getForEntity("/api/materials/" + material + "/content", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(audit(first, "material-assignment", "CREATE")).containsExactly("testnurse");
        assertThat(audit(second, "material-assignment", "CREATE")).containsExactly("testnurse");
        assertThat(audit(elsewhere, "material-assignment", "CREATE")).isEmpty();
        assertThat(audit(first, "materials", "READ")).contains("testcolleague");

        assertThat(exchange("testothernurse", HttpMethod.DELETE, "/api/citizens/" + first + "/materials/" + material, null)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange("testcolleague", HttpMethod.DELETE, "/api/citizens/" + first + "/materials/" + material, null)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(assigned("testnurse", first)).isEmpty();
        assertThat(assigned("testnurse", second)).hasSize(1);
        assertThat(audit(first, "material-assignment", "UPDATE")).containsExactly("testcolleague");
    }

    // ------------------------------------------------------------------ helpers

    private UUID citizen(UUID pathway) {
        return driver.pathway(pathway).citizenId();
    }

    private JsonNode assigned(String user, UUID citizen) {
        ResponseEntity<JsonNode> answer = get(user, "/api/citizens/" + citizen + "/materials");
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private List<String> audit(UUID citizen, String resource, String action) {
        return jdbc.queryForList("select actor from audit_entry where citizen_id = ? and resource = ? and action = ? order by id",
                String.class, citizen, resource, action);
    }

    private ResponseEntity<JsonNode> link(String user, String url) {
        return post(user, "/api/materials", Map.of("organisationId", PathwayDriver.CLINIC, "title", "Link " + UUID.randomUUID(), "url", url));
    }

    private ResponseEntity<JsonNode> pdf(String user, String title, String fileName, byte[] content, MediaType type) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("organisationId", PathwayDriver.CLINIC);
        form.add("title", title);
        HttpHeaders part = new HttpHeaders();
        part.setContentType(type);
        form.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "secret").postForEntity("/api/materials/documents", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private static JsonNode assertProblem(ResponseEntity<JsonNode> answer, HttpStatus status, String field) {
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).as(String.valueOf(answer.getBody())).containsExactly(field);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
