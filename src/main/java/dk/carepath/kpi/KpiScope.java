package dk.carepath.kpi;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a KPI counts: the organisations and regions the manager may see (narrowed by her filters),
 * an optional region, and the period [{@code from}, {@code to}] in days of the region's zone.
 *
 * <p>A pathway belongs to an organisation when it is the pathway's clinic, the citizen's
 * municipality, or the organisation holding treatment or monitoring responsibility now; to a
 * region when its clinic is in the region. Regions count when the manager oversees a region or a
 * service center (which serves its region's citizens).
 *
 * @param organisations the organisation ids in scope
 * @param regions       the region codes wholly in scope
 * @param region        the region filter, if any
 * @param organisation  the organisation filter, if any
 */
record KpiScope(Set<String> organisations, Set<String> regions, String region, String organisation, LocalDate from, LocalDate to,
                ZoneId zone, Instant now) {

    /** the start of the period, inclusive */
    Instant since() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** the end of the period, exclusive (the day after {@code to}) */
    Instant until() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** the end of the period, or now if that comes first: for what is still running */
    Instant until(Instant now) {
        return until().isAfter(now) ? now : until();
    }

    boolean inPeriod(Instant at) {
        return at != null && !at.isBefore(since()) && at.isBefore(until());
    }

    /** the SQL condition that the pathway {@code p} of the citizen {@code c} is in scope */
    String pathways(String p, String c) {
        return "(" + p + ".region in (:regions) or " + p + ".clinic_id in (:orgs) or " + c + ".municipality_id in (:orgs) or "
                + p + ".monitoring_organisation_id in (:orgs) or " + p + ".treatment_organisation_id in (:orgs))"
                + (region == null ? "" : " and " + p + ".region = :region");
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("orgs", organisations.isEmpty() ? List.of("-") : List.copyOf(organisations))
                .addValue("regions", regions.isEmpty() ? List.of("-") : List.copyOf(regions))
                .addValue("region", region)
                .addValue("since", Timestamp.from(since()))
                .addValue("until", Timestamp.from(until()))
                .addValue("now", Timestamp.from(now));
    }

    boolean covers(String organisationId, String organisationRegion) {
        return (organisations.contains(organisationId) || regions.contains(organisationRegion))
                && (region == null || region.equals(organisationRegion));
    }
}
