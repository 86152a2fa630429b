package dk.carepath.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine read as Carepath itself rather than as the user whose request caused it (a nurse's
 * task completion, a process owner's deployment): what Carepath must know to decide for her, such as
 * the rules deployed with a process or another model's start messages, is not limited by what she may
 * read. The user's authentication is put back afterwards.
 */
public final class AsCarepath {

    private AsCarepath() {
    }

    public static <T> T read(IdentityService identity, Supplier<T> read) {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null) {
            return read.get();
        }
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            identity.setAuthentication(user);
        }
    }
}
