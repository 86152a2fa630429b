package dk.carepath.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The DRL rules of {@code rules/*.drl} (temporal and aggregate rules: missed measurements,
 * persistent yellow), compiled once into a cached KieBase; each evaluation gets a session of its
 * own, inserts its facts, fires, collects the conclusions of the type it asks for, and disposes the
 * session. Rule names are business statements; a conclusion records which rule drew it.
 */
@Service
public class DroolsRules {

    private static final Logger log = LoggerFactory.getLogger(DroolsRules.class);

    private final KieBase base;

    DroolsRules() {
        this(classpathRules());
    }

    /** For tests and region packs: rules from the given DRL texts (name -> text). */
    DroolsRules(List<Drl> drl) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId release = services.newReleaseId("dk.carepath", "rules", "1." + System.nanoTime());
        files.generateAndWritePomXML(release);
        for (Drl file : drl) {
            files.write("src/main/resources/rules/" + file.name(), file.text());
        }
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the DRL rules do not compile: "
                    + errors.stream().map(Message::toString).collect(Collectors.joining("; ")));
        }
        this.base = services.newKieContainer(release).getKieBase();
        log.info("Drools rule base ready with {} rules from {}", base.getKiePackages().stream()
                .mapToInt(p -> p.getRules().size()).sum(), drl.stream().map(Drl::name).toList());
    }

    public record Drl(String name, String text) {
    }

    /**
     * Inserts the facts into a fresh session, fires all rules and returns what the rules concluded
     * of the given type.
     */
    public <T> List<T> conclude(Collection<?> facts, Class<T> conclusion) {
        KieSession session = base.newKieSession();
        try {
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
            List<T> found = new ArrayList<>();
            for (FactHandle handle : session.getFactHandles(conclusion::isInstance)) {
                found.add(conclusion.cast(session.getObject(handle)));
            }
            return found;
        } finally {
            session.dispose();
        }
    }

    /** The rule names of the base, for documentation and tests. */
    public List<String> ruleNames() {
        return base.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(r -> r.getName()).sorted().toList();
    }

    private static List<Drl> classpathRules() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(DroolsRules.class.getClassLoader());
            List<Drl> drl = new ArrayList<>();
            for (var file : resolver.getResources("classpath*:rules/*.drl")) {
                drl.add(new Drl(file.getFilename(), file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return drl;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/*.drl", e);
        }
    }
}
