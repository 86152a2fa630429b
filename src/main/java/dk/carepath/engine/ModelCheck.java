package dk.carepath.engine;

import dk.carepath.region.ModelChecker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/** {@link ModelChecker} by the model conventions: what the pre-deployer refuses, asked before deploying. */
@Component
class ModelCheck implements ModelChecker {

    private final BeanFactory beans;

    ModelCheck(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public List<Finding> check(String tenantId, Map<String, byte[]> resources) {
        Set<String> forms = new HashSet<>();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                String id = ModelConventionsPlugin.formId(bytes);
                if (id != null) forms.add(id);
            }
        });
        List<Finding> findings = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                ModelConventions.check(name, bytes, forms, beans::containsBean).forEach(f ->
                        findings.add(new Finding(f.resource(), f.elementId(), f.english(), f.danish())));
            }
        });
        return findings;
    }
}
