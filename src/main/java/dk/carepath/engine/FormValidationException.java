package dk.carepath.engine;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A completed task's form did not hold up: what the user must fix, in Danish. The engine wraps
 * listener exceptions in its own; {@link EngineRestConfig} unwraps this one into HTTP 400.
 */
public class FormValidationException extends BadUserRequestException {

    /** how every refusal starts; {@link TasklistFormErrors} finds the explanation by it */
    public static final String PREFIX = "Opgaven kan ikke afsluttes: ";

    private final List<String> problems;

    public FormValidationException(List<String> problems) {
        super(PREFIX + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** The form problem somewhere in a chain of causes, if any. */
    public static FormValidationException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FormValidationException f) {
                return f;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
