package dk.carepath.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Makes sure the test SMTP server runs before a test class starts. */
public class StartTestMail implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestMail.server();
    }
}
