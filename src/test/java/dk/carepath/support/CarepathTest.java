package dk.carepath.support;

import dk.carepath.security.TestApiClients;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test of the whole application on a real server port, the test database and the shared
 * GreenMail SMTP server. All such tests share one Spring context (and one engine), with the test
 * users ({@link PathwayDriver}) and the measurement platform {@code testsender} ({@link TestApiClients}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ScenarioCoverage.class, PathwayDriver.class, CallDriver.class, TestApiClients.class})
@ExtendWith(StartTestMail.class)
@TestExecutionListeners(listeners = {ScenarioCoverage.Untracked.class, ScenarioCoverage.Measured.class}, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface CarepathTest {
}
