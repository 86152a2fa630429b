package dk.carepath.kpi;

import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.security.Oversight;
import dk.carepath.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The manager's filters checked against what she oversees ({@link Oversight}: her organisation, or
 * every organisation of her region): a municipality's manager sees her municipality, a region's
 * manager the whole region. A filter naming something she does not oversee answers 404, a
 * malformed one 400; both name the field.
 */
@Component
class KpiScopes {

    /** the default period: the last twelve weeks, today included */
    static final int DEFAULT_DAYS = 84;
    /** the longest period: a year and a day (a leap year) */
    static final int LONGEST_DAYS = 366;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

    private final Oversight oversight;
    private final ZoneId zone;
    private final Clock clock;

    KpiScopes(Oversight oversight, @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.oversight = oversight;
        this.zone = zone;
        this.clock = clock.withZone(zone);
    }

    ZoneId zone() {
        return zone;
    }

    KpiScope resolve(String region, String organisation, LocalDate from, LocalDate to) {
        List<OrganisationView> overseen = oversight.overseen();
        if (overseen.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "KPIs are shown per organisation: you are manager of none");
        }
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalidField(from == null ? "to" : "from", "the period's first day " + start
                    + " is after its last day " + end);
        }
        if (ChronoUnit.DAYS.between(start, end) >= LONGEST_DAYS) {
            throw ProblemException.invalidField("to", "a period of at most " + LONGEST_DAYS + " days");
        }
        String regionFilter = blankToNull(region);
        if (regionFilter != null) {
            if (!REGION.matcher(regionFilter).matches()) {
                throw ProblemException.invalidField("region", "is not a region code (e.g. MIDT)");
            }
            if (overseen.stream().noneMatch(o -> o.region().equals(regionFilter))) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "region", "no region '" + regionFilter + "' among those you oversee");
            }
        }
        String organisationFilter = blankToNull(organisation);
        List<OrganisationView> chosen = overseen;
        if (organisationFilter != null) {
            if (!ID.matcher(organisationFilter).matches()) {
                throw ProblemException.invalidField("organisation", "is not an organisation id (lower-case letters, digits, hyphens)");
            }
            chosen = overseen.stream().filter(o -> o.id().equals(organisationFilter)).toList();
            if (chosen.isEmpty()) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "organisation",
                        "no organisation '" + organisationFilter + "' among those you oversee");
            }
            if (regionFilter != null && !chosen.get(0).region().equals(regionFilter)) {
                throw ProblemException.invalidField("organisation", "organisation '" + organisationFilter + "' is not in region " + regionFilter);
            }
        }
        return scope(chosen, regionFilter, organisationFilter, start, end);
    }

    /** what a manager of this organisation sees, unfiltered, over the period (the weekly alerts' scope) */
    KpiScope ofManagersOf(String organisationId, LocalDate from, LocalDate to) {
        return scope(oversight.overseenBy(organisationId), null, null, from, to);
    }

    private KpiScope scope(List<OrganisationView> chosen, String regionFilter, String organisationFilter, LocalDate start, LocalDate end) {
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        for (OrganisationView o : chosen) {
            organisations.add(o.id());
            if (o.kind() == OrganisationKind.REGION || o.kind() == OrganisationKind.SERVICE_CENTER) {
                regions.add(o.region());
            }
        }
        return new KpiScope(Set.copyOf(organisations), Set.copyOf(regions), regionFilter, organisationFilter, start, end, zone,
                clock.instant());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
