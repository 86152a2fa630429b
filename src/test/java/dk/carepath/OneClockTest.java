package dk.carepath;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.audit.AuditTrail;
import dk.carepath.pathway.JournalKind;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Carepath has one clock, and it follows the engine's: a test that moves the engine's clock moves the journal and the audit trail too. */
@CarepathTest
class OneClockTest {

    static final Instant MOVED = Instant.parse("2031-03-04T05:06:07Z");

    @Autowired
    Clock clock;
    @Autowired
    PathwayDriver driver;
    @Autowired
    Pathways pathways;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void shouldMoveTheJournalAndTheAuditTrailWithTheEnginesClock() {
        UUID pathway = driver.inTitration();
        ClockUtil.setCurrentTime(Date.from(MOVED));

        assertThat(clock.instant()).isEqualTo(MOVED);
        pathways.record(pathway, JournalKind.PLAN, "Ur-test " + pathway, null);
        audit.read("clock-test", null, pathway, "ur-test");

        assertThat(jdbc.queryForObject("select max(occurred_at) from pathway_journal where pathway_id = ? and summary like 'Ur-test%'",
                Timestamp.class, pathway).toInstant()).isEqualTo(MOVED);
        assertThat(jdbc.queryForObject("select max(occurred_at) from audit_entry where pathway_id = ? and resource = 'clock-test'",
                Timestamp.class, pathway).toInstant()).isEqualTo(MOVED);
    }
}
