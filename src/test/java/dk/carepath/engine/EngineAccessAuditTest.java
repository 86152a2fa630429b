package dk.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.audit.AuditAction;
import org.junit.jupiter.api.Test;

/** Which engine API requests touch process data, and so go into the access log. */
class EngineAccessAuditTest {

    static final String TASK = "6f1c2d3e-aaaa-11ef-9c7b-0242ac120002";

    @Test
    void shouldAuditTasklistReadingATasksFormVariablesAsARead() {
        EngineAccessAudit.Access access = EngineAccessAudit.classify("GET",
                "/camunda/api/engine/engine/default/task/" + TASK + "/form-variables", null);

        assertThat(access.action()).isEqualTo(AuditAction.READ);
        assertThat(access.resource()).isEqualTo("engine:task");
        assertThat(access.taskId()).isEqualTo(TASK);
        assertThat(access.detail()).isEqualTo("GET /task/" + TASK + "/form-variables (Camunda webapp)");
    }

    @Test
    void shouldAuditAQueryPostedToTheRestApiAsARead() {
        EngineAccessAudit.Access access = EngineAccessAudit.classify("POST", "/engine-rest/task", "firstResult=0&maxResults=15");

        assertThat(access.action()).isEqualTo(AuditAction.READ);
        assertThat(access.taskId()).isNull();
        assertThat(access.detail()).isEqualTo("POST /task?firstResult=0&maxResults=15 (engine REST API)");
        assertThat(EngineAccessAudit.classify("POST", "/camunda/api/engine/engine/default/filter/abc/list", null).action())
                .isEqualTo(AuditAction.READ);
        assertThat(EngineAccessAudit.classify("GET", "/engine-rest/history/variable-instance", "processInstanceId=1").action())
                .isEqualTo(AuditAction.READ);
    }

    @Test
    void shouldAuditSubmittingAFormAsAChangeOfThatProcessInstance() {
        EngineAccessAudit.Access submit = EngineAccessAudit.classify("POST", "/engine-rest/task/" + TASK + "/submit-form", null);
        EngineAccessAudit.Access variables = EngineAccessAudit.classify("PUT",
                "/engine-rest/process-instance/" + TASK + "/variables/note", null);

        assertThat(submit.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(submit.taskId()).isEqualTo(TASK);
        assertThat(variables.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(variables.processInstanceId()).isEqualTo(TASK);
        assertThat(variables.resource()).isEqualTo("engine:process-instance");
    }

    @Test
    void shouldLeaveCountsDefinitionsAndIdentityOutOfTheAccessLog() {
        assertThat(EngineAccessAudit.classify("GET", "/engine-rest/task/count", null)).isNull();
        assertThat(EngineAccessAudit.classify("POST", "/camunda/api/engine/engine/default/filter/abc/count", null)).isNull();
        assertThat(EngineAccessAudit.classify("GET", "/engine-rest/process-definition/key/heart-failure-pathway/xml", null)).isNull();
        assertThat(EngineAccessAudit.classify("GET", "/camunda/api/engine/engine/default/identity/groups", "userId=nina")).isNull();
        assertThat(EngineAccessAudit.classify("GET", "/camunda/api/engine/engine/", null)).isNull();
        assertThat(EngineAccessAudit.classify("GET", "/api/pathways", null)).as("the Carepath API audits itself").isNull();
    }
}
