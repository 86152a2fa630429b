package dk.carepath.library;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The phrase library and the material catalogue over HTTP: {@code /api/phrases}, {@code /api/materials}
 * and a citizen's materials {@code /api/citizens/{citizenId}/materials}. docs/workbench.md.
 */
@RestController
class LibraryController {

    private final Phrases phrases;
    private final Materials materials;

    LibraryController(Phrases phrases, Materials materials) {
        this.phrases = phrases;
        this.materials = materials;
    }

    record PhraseRequest(@NotBlank @Size(max = 40) String organisationId, @NotBlank @Size(max = Phrases.MAX_TITLE) String title,
                         @NotBlank @Size(max = Phrases.MAX_TEXT) String text) {
    }

    record LinkRequest(@NotBlank @Size(max = 40) String organisationId, @NotBlank @Size(max = Materials.MAX_TITLE) String title,
                       @NotBlank @Size(max = LinkPolicy.MAX_LENGTH) String url) {
    }

    record AssignmentRequest(@NotNull @Size(min = 1, max = Materials.MAX_CITIZENS) List<UUID> citizenIds) {
    }

    @GetMapping("/api/phrases")
    List<PhraseView> phrases() {
        return phrases.mine();
    }

    @PostMapping("/api/phrases")
    ResponseEntity<PhraseView> addPhrase(@Valid @RequestBody PhraseRequest request) {
        PhraseView phrase = phrases.add(request.organisationId(), request.title(), request.text());
        return ResponseEntity.created(URI.create("/api/phrases/" + phrase.id())).body(phrase);
    }

    @DeleteMapping("/api/phrases/{id}")
    ResponseEntity<Void> removePhrase(@PathVariable long id) {
        phrases.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/materials")
    List<MaterialView> catalogue() {
        return materials.catalogue();
    }

    @PostMapping(path = "/api/materials", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MaterialView> addLink(@Valid @RequestBody LinkRequest request) {
        MaterialView material = materials.addLink(request.organisationId(), request.title(), request.url());
        return ResponseEntity.created(URI.create("/api/materials/" + material.id())).body(material);
    }

    /** a PDF document: multipart form data with {@code organisationId}, {@code title} and the {@code file} */
    @PostMapping(path = "/api/materials/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MaterialView> addPdf(@RequestParam(required = false) String organisationId, @RequestParam(required = false) String title,
                                        @RequestPart(name = "file", required = false) MultipartFile file) {
        MaterialView material = materials.addPdf(organisationId, title, file == null ? null : file.getOriginalFilename(), bytes(file));
        return ResponseEntity.created(URI.create("/api/materials/" + material.id())).body(material);
    }

    @GetMapping("/api/materials/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        return pdf(materials.document(id));
    }

    @PostMapping("/api/materials/{id}/assignments")
    ResponseEntity<Materials.Assignment> assign(@PathVariable long id, @Valid @RequestBody AssignmentRequest request) {
        Materials.Assignment done = materials.assign(id, request.citizenIds());
        return ResponseEntity.status(done.assigned().isEmpty() ? 200 : 201).body(done);
    }

    @GetMapping("/api/citizens/{citizenId}/materials")
    List<AssignedMaterial> assigned(@PathVariable UUID citizenId) {
        return materials.assignedTo(citizenId, "api");
    }

    @DeleteMapping("/api/citizens/{citizenId}/materials/{materialId}")
    ResponseEntity<Void> unassign(@PathVariable UUID citizenId, @PathVariable long materialId) {
        materials.unassign(citizenId, materialId);
        return ResponseEntity.noContent().build();
    }

    /** A PDF to open in the browser, under its own name. */
    static ResponseEntity<byte[]> pdf(Materials.Document document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
