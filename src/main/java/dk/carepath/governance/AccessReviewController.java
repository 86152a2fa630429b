package dk.carepath.governance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The authorisation review through the API: the report as JSON or CSV, and the manager's sign-off. */
@RestController
@RequestMapping("/api/access-reviews")
class AccessReviewController {

    private final AccessReviews reviews;
    private final ZoneId zone;

    AccessReviewController(AccessReviews reviews, @Value("${carepath.zone}") ZoneId zone) {
        this.reviews = reviews;
        this.zone = zone;
    }

    record Reviewable(String organisationId, String name, String kind) {
    }

    /** The organisations the manager reviews. */
    @GetMapping
    List<Reviewable> reviewable() {
        return reviews.reviewable().stream().map(o -> new Reviewable(o.id(), o.name(), o.kind().name())).toList();
    }

    @GetMapping("/{organisationId}")
    AccessReviews.Review review(@PathVariable String organisationId,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reviews.review(organisationId, from, to);
    }

    @GetMapping("/{organisationId}/report.csv")
    ResponseEntity<String> csv(@PathVariable String organisationId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ReviewCsv.download(reviews.review(organisationId, from, to), zone);
    }

    /** @param reviewed the manager confirms that she has gone through every member's access */
    record SignOffRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 2000) String note,
                          @AssertTrue(message = "confirm that you have reviewed every member's access") boolean reviewed) {
    }

    @PostMapping("/{organisationId}/sign-offs")
    ResponseEntity<AccessReviews.SignOffView> signOff(@PathVariable String organisationId, @Valid @RequestBody SignOffRequest request) {
        AccessReviews.SignOffView signed = reviews.signOff(organisationId, request.from(), request.to(),
                request.note() == null || request.note().isBlank() ? null : request.note().trim());
        return ResponseEntity.created(URI.create("/api/access-reviews/" + organisationId)).body(signed);
    }
}
