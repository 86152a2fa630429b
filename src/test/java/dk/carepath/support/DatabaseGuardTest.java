package dk.carepath.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** In CI the integration tests must run on PostgreSQL, the production database, not fall back to H2. */
@CarepathTest
class DatabaseGuardTest {

    @Autowired
    DataSource dataSource;

    @Test
    void integrationTestsRunOnPostgresqlInCi() throws Exception {
        assumeTrue("true".equals(System.getenv("CI")), "only enforced in CI (CI=true)");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }
}
