package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly alert on KpiTest's hand-built history (7 April – 4 May 2025, four weeks): the region's
 * figures miss two targets — reassessments on time 33,3 % (≥ 95 %) and red measurements acted on
 * within two opening hours 50 % (≥ 90 %) — so its manager gets one mail naming both, at the
 * organisation's address (she has none of her own); the municipality's manager at her own address;
 * a manager whose figures miss nothing gets none; a second run the same week sends nothing again.
 */
@CarepathTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiAlertsTest {

    @Autowired
    KpiAlerts alerts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;

    KpiHistory h;
    String quietManager;

    @BeforeAll
    void history() {
        h = new KpiHistory(jdbc).build(organisations, identity, staff);
        var user = identity.createUserQuery().userId(h.municipalManager).singleResult();
        user.setEmail(h.municipalManager + "@kommune.example.dk");
        identity.saveUser(user);
        // a municipality without citizens in the period, with a manager of its own: nothing to miss
        String quiet = "kpi-q-" + h.key;
        organisations.save(quiet, OrganisationKind.MUNICIPALITY, "KPI-stillekommunen " + h.key, h.region, "q@kpi.example.dk");
        quietManager = "kpiquiet" + h.key;
        var manager = identity.newUser(quietManager);
        manager.setFirstName(quietManager);
        manager.setLastName("Test");
        manager.setPassword("secret");
        identity.saveUser(manager);
        staff.enrol(quietManager, new Membership(quiet, Role.MANAGER), "KPI-stillekommunen " + h.key);
    }

    @AfterAll
    void removeRuntimeRows() {
        h.removeRuntimeTasks();
    }

    /** this history's organisations only: the other tests' organisations have managers too */
    boolean ofThisHistory(dk.carepath.region.OrganisationView organisation) {
        return organisation.id().contains(h.key);
    }

    @Test
    void managersHearOfTheTargetsTheirFiguresMissOncePerWeekAndOnlyThem() {
        List<KpiAlerts.Alert> queued = alerts.send(KpiHistory.TO, this::ofThisHistory);
        assertThat(queued).extracting(KpiAlerts.Alert::organisationId).contains(h.regionOrg, h.municipality)
                .doesNotContain("kpi-q-" + h.key);

        MimeMessage regional = TestMail.await(TestMail.to("r@kpi.example.dk").and(TestMail.containing(h.key)), 1,
                Duration.ofSeconds(30)).get(0);
        String body = TestMail.body(regional);
        assertThat(body).contains("7. april 2025 – 4. maj 2025")
                .contains("• Revurderinger til tiden: 33,3 % (mål ≥ 95 %)")
                .contains("• Røde målinger handlet på inden for to åbningstimer: 50 % (mål ≥ 90 %)")
                .contains("/kpi?organisation=" + h.regionOrg + "&from=2025-04-07&to=2025-05-04")
                .contains("ingen borgeroplysninger");
        assertThat(body).as("figures only: no citizen's pathway id").doesNotContain(h.p3.toString());
        TestMail.await(TestMail.to(h.municipalManager + "@kommune.example.dk"), 1, Duration.ofSeconds(30));

        assertThat(alerts.send(KpiHistory.TO, this::ofThisHistory))
                .as("queued once per manager and week").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from outbound_mail where kind = 'kpi-alert' and recipient_organisation_id = ?",
                Integer.class, h.regionOrg)).isEqualTo(1);
    }
}
