package dk.carepath.callrouting;

import java.time.Clock;
import dk.carepath.audit.AuditTrail;
import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.region.OrganisationKind;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.CurrentUser;
import dk.carepath.security.Oversight;
import dk.carepath.security.Role;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens' phone calls to the municipality: the person who answers registers the call (or the
 * municipality's phone system does it on their behalf) for a citizen of her own municipality;
 * managers count their municipalities' contacts.
 */
@RestController
@RequestMapping("/api/calls")
class CallController {

    /** a call registered late is still a call of today; older ones belong in the journal, not here */
    static final Duration LONGEST_DELAY = Duration.ofHours(24);
    static final int LONGEST_STATISTICS_DAYS = 366;

    private final CitizenCalls calls;
    private final AuditTrail audit;
    private final CitizenAccess access;
    private final CurrentUser user;
    private final Oversight oversight;
    private final ZoneId zone;

    private final Clock clock;

    CallController(CitizenCalls calls, AuditTrail audit, CitizenAccess access, CurrentUser user, Oversight oversight,
                   @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.calls = calls;
        this.audit = audit;
        this.access = access;
        this.user = user;
        this.oversight = oversight;
        this.zone = zone;
    }

    /**
     * @param answeredBy who took the phone; by default a municipal nurse is a health professional and
     *                   anyone else the front desk
     * @param receivedAt when the call came, if it is registered afterwards (at most 24 hours ago)
     */
    record CallRequest(@NotNull UUID citizenId, @NotNull CallReason reason, @NotBlank @Size(max = 2000) String message,
                       @Size(max = dk.carepath.citizen.PhoneNumber.MAX)
                       @Pattern(regexp = dk.carepath.citizen.PhoneNumber.PATTERN, message = dk.carepath.citizen.PhoneNumber.MESSAGE)
                       String callbackPhone,
                       AnsweredBy answeredBy, Instant receivedAt) {
    }

    @PostMapping
    ResponseEntity<CallView> register(@Valid @RequestBody CallRequest request, Authentication login) {
        if (!access.may(request.citizenId(), CitizenData.CALLS)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "citizenId", "no citizen with id " + request.citizenId()
                    + " among your municipality's citizens");
        }
        boolean nurse = user.has(Role.MUNICIPAL_NURSE);
        AnsweredBy answeredBy = request.answeredBy() != null ? request.answeredBy()
                : nurse ? AnsweredBy.HEALTH_PROFESSIONAL : AnsweredBy.FRONT_DESK;
        if (answeredBy == AnsweredBy.HEALTH_PROFESSIONAL && !nurse) {
            throw ProblemException.unprocessable("answeredBy", "only a municipal nurse answers as a health professional");
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        if (receivedAt.isBefore(now.minus(LONGEST_DELAY))) {
            throw ProblemException.invalidField("receivedAt", "must be within the last 24 hours");
        }
        CallView call = calls.register(new NewCall(request.citizenId(), answeredBy, login.getName(), request.reason(),
                request.message().trim(), request.callbackPhone(), receivedAt));
        return ResponseEntity.created(URI.create("/api/calls/" + call.id())).body(call);
    }

    @GetMapping("/{id}")
    CallView get(@PathVariable UUID id) {
        CallView call = calls.find(id).filter(c -> access.may(c.citizenId(), CitizenData.CALLS))
                .orElseThrow(() -> ProblemException.notFound("no call with id " + id));
        audit.read("citizen-call", call.citizenId(), call.pathwayId(), null);
        return call;
    }

    record Statistics(LocalDate from, LocalDate to, List<String> municipalities, long calls, long registeredContacts,
                      List<ContactCount> counts) {
    }

    /**
     * Contact statistics [003 Uppföljning]: calls classified from {@code from} to {@code to}, both days
     * included, to the municipalities the manager oversees (her own, or her region's).
     */
    @GetMapping("/statistics")
    Statistics statistics(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= LONGEST_STATISTICS_DAYS) {
            throw ProblemException.invalidField("to", "a period of at most " + LONGEST_STATISTICS_DAYS + " days");
        }
        List<String> municipalities = oversight.overseen(OrganisationKind.MUNICIPALITY);
        if (municipalities.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "calls are counted per municipality: you oversee none");
        }
        List<ContactCount> counts = calls.statistics(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                municipalities);
        return new Statistics(from, to, municipalities, counts.stream().mapToLong(ContactCount::calls).sum(),
                counts.stream().filter(ContactCount::registeredAsContact).mapToLong(ContactCount::calls).sum(), counts);
    }
}
