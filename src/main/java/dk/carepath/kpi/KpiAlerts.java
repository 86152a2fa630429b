package dk.carepath.kpi;

import dk.carepath.notify.Correspondence;
import dk.carepath.notify.Letter;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells managers when their figures miss a target, so that "how are we doing?" reaches them without
 * opening the dashboard: once a week (Monday morning), for every organisation with managers, the KPIs
 * of the last four weeks that miss their target (the region's own where it sets one), one mail to each
 * manager (to her address in the user register, else to the organisation's). Nothing is sent when every
 * target is met. The mail holds figures only, never citizen data; the link opens the dashboard, behind
 * the login, on the same scope and period. Each mail is queued once per manager, organisation and week
 * (the outbox's dedup key), so a second node or a second run sends nothing twice, and an SMTP server
 * that is away delays it without losing it (the outbox retries).
 */
@Component
class KpiAlerts {

    private static final Logger log = LoggerFactory.getLogger(KpiAlerts.class);
    /** the period the alert looks back over, up to yesterday */
    static final int DAYS = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da-DK"));

    record Alert(String organisationId, String recipient, String subject, String body) {
    }

    private final Kpis kpis;
    private final KpiScopes scopes;
    private final Organisations organisations;
    private final Staff staff;
    private final IdentityService identity;
    private final Correspondence correspondence;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final String dashboardUrl;

    KpiAlerts(Kpis kpis, KpiScopes scopes, Organisations organisations, Staff staff, IdentityService identity, Correspondence correspondence,
              TransactionTemplate tx, Clock clock, @Value("${carepath.zone}") ZoneId zone,
              @Value("${carepath.kpi.alerts.dashboard-url:http://localhost:8080/kpi}") String dashboardUrl) {
        this.kpis = kpis;
        this.scopes = scopes;
        this.organisations = organisations;
        this.staff = staff;
        this.identity = identity;
        this.correspondence = correspondence;
        this.tx = tx;
        this.clock = clock;
        this.zone = zone;
        this.dashboardUrl = dashboardUrl;
    }

    @Scheduled(cron = "${carepath.kpi.alerts.cron:0 0 7 * * MON}", zone = "${carepath.zone}")
    void weekly() {
        send(LocalDate.now(clock.withZone(zone)).minusDays(1), organisation -> true);
    }

    /**
     * the alerts for the four weeks up to {@code last} of the chosen organisations' managers, queued
     * @return the mails queued now (not those queued before)
     */
    List<Alert> send(LocalDate last, java.util.function.Predicate<OrganisationView> chosen) {
        List<Alert> queued = new ArrayList<>();
        for (OrganisationKind kind : OrganisationKind.values()) {
            for (OrganisationView organisation : organisations.all(kind).stream().filter(chosen).toList()) {
                try {
                    queued.addAll(send(organisation, last));
                } catch (RuntimeException e) {
                    // one organisation's failure (a KPI query, the database) does not keep the others' alerts back
                    log.error("KPI alert for {} not sent this week: {}", organisation.id(), e.toString(), e);
                }
            }
        }
        log.info("KPI alerts for the period up to {}: {} mail(s) queued", last, queued.size());
        return queued;
    }

    private List<Alert> send(OrganisationView organisation, LocalDate last) {
        if (!Role.MANAGER.worksIn(organisation.kind())) {
            return List.of();
        }
        List<Staff.Member> managers = staff.membersOf(new Membership(organisation.id(), Role.MANAGER));
        if (managers.isEmpty()) {
            return List.of();
        }
        LocalDate from = last.minusDays(DAYS - 1);
        KpiScope scope = scopes.ofManagersOf(organisation.id(), from, last);
        List<Kpi> missed = kpis.all(scope).kpis().stream().filter(k -> k.status() == Kpi.Status.MISSED).toList();
        if (missed.isEmpty()) {
            return List.of();
        }
        String subject = "Nøgletal under målet: " + organisation.name() + ", uge " + last.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        String body = body(organisation, from, last, missed);
        String week = last.get(IsoFields.WEEK_BASED_YEAR) + "-W" + last.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        List<Alert> queued = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            for (Staff.Member manager : managers) {
                String address = mailOf(manager.userId());
                if (address == null) {
                    address = organisation.mailAddress();
                }
                if (address == null || address.isBlank()) {
                    log.warn("KPI alert for {}: manager {} has no mail address, nor has the organisation", organisation.id(), manager.userId());
                    continue;
                }
                Letter letter = new Letter("kpi-alert:" + organisation.id() + ":" + week + ":" + manager.userId(), null, "kpi-alert",
                        organisation.id(), address, subject, body);
                if (correspondence.queue(letter)) {
                    queued.add(new Alert(organisation.id(), address, subject, body));
                }
            }
        });
        return queued;
    }

    private String body(OrganisationView organisation, LocalDate from, LocalDate last, List<Kpi> missed) {
        StringBuilder text = new StringBuilder();
        text.append("Nøgletal for ").append(organisation.name()).append(", ").append(DAY.format(from)).append(" – ")
                .append(DAY.format(last)).append(":\n").append(missed.size() == 1 ? "Ét nøgletal" : missed.size() + " nøgletal")
                .append(" under målet.\n\n");
        for (Kpi kpi : missed) {
            text.append("• ").append(kpi.name()).append(": ").append(Kpis.format(kpi.value())).append(' ').append(kpi.unit())
                    .append(" (mål ").append(kpi.target().text()).append(")\n");
        }
        text.append("\nSe tallene og forløbene bag dem: ").append(dashboardUrl).append("?organisation=").append(organisation.id())
                .append("&from=").append(from).append("&to=").append(last).append("\n\n")
                .append("Mailen går til lederne i ").append(organisation.name())
                .append(" hver mandag, når et nøgletal er under målet. Den indeholder ingen borgeroplysninger.\n");
        return text.toString();
    }

    private String mailOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }
}
