package dk.carepath.engine;

import dk.carepath.region.ModelChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@link ModelChecker}: what every deployment must pass before any of it is deployed (the pre-deployer of
 * {@link ModelConventionsPlugin} asks it, and so can region's own deployments and the build). Over all files
 * deployed together: the {@link ModelConventions} of each BPMN; each DMN compiled in Drools; each decision a
 * task calls through {@code ${evaluateDecision}} found (in the set, else among the shared {@code rules/}) and
 * its required inputs provided; each user task's form against the task ({@link FormFieldCheck}); each start
 * message started by one process only, in the set and among what the tenant has deployed. It is a process
 * engine plugin only to reach the engine's services once they exist (the pre-deployer runs while the engine is
 * being built, before Spring can hand them out).
 */
@Component
class ModelCheck extends AbstractProcessEnginePlugin implements ModelChecker {

    /** the bean behind every business rule task, and the property naming its decision (rules.EvaluateDecisionDelegate) */
    static final String DECISION_DELEGATE = "${evaluateDecision}";
    static final String DECISION_PROPERTY = "decision";

    private final BeanFactory beans;
    private final ObjectProvider<ProcessContract> contracts;
    private volatile RepositoryService repository;
    private volatile RuntimeService runtime;
    private volatile IdentityService identity;
    /** the shared rules/*.dmn, compiled when a set calls a decision it does not carry */
    private volatile DecisionModels shared;

    ModelCheck(BeanFactory beans, ObjectProvider<ProcessContract> contracts) {
        this.beans = beans;
        this.contracts = contracts;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        repository = configuration.getRepositoryService();
        runtime = configuration.getRuntimeService();
        identity = configuration.getIdentityService();
    }

    @Override
    public List<Finding> check(String tenantId, Map<String, byte[]> resources) {
        Map<String, byte[]> forms = new HashMap<>();
        Map<String, String> formFiles = new HashMap<>();
        Map<String, byte[]> dmn = new LinkedHashMap<>();
        Map<String, byte[]> bpmn = new LinkedHashMap<>();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                String id = ModelConventionsPlugin.formId(bytes);
                if (id != null) {
                    forms.put(id, bytes);
                    formFiles.put(id, name);
                }
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                dmn.put(name, bytes);
            } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                bpmn.put(name, bytes);
            }
        });
        List<Finding> findings = new ArrayList<>();
        bpmn.forEach((name, bytes) -> ModelConventions.check(name, bytes, forms.keySet(), beans::containsBean).forEach(f ->
                findings.add(new Finding(f.resource(), f.elementId(), f.english(), f.danish()))));
        DecisionModels decisions = DecisionModels.compile(dmn);
        findings.addAll(decisions.findings());
        Map<String, Set<String>> provided = new HashMap<>();
        contracts.orderedStream().forEach(c -> provided.computeIfAbsent(c.processKey(), k -> new HashSet<>()).addAll(c.variables()));
        List<StartMessage> starts = new ArrayList<>();
        bpmn.forEach((name, bytes) -> {
            Document document = ModelXml.parse(bytes);
            if (document == null) {
                return; // the conventions said so
            }
            decisionCalls(name, document, decisions, provided, findings);
            forms(name, document, forms, formFiles, provided, findings);
            starts.addAll(startMessages(name, document));
        });
        startMessages(tenantId, starts, findings);
        return findings;
    }

    // --- decisions -------------------------------------------------------------------------------------------

    private void decisionCalls(String resource, Document document, DecisionModels decisions, Map<String, Set<String>> provided,
                               List<Finding> findings) {
        for (Element element : elementsCallingDecisions(document)) {
            String id = element.getAttribute("id");
            String decision = ModelXml.properties(element).get(DECISION_PROPERTY);
            if (decision == null || decision.isBlank()) {
                findings.add(new Finding(resource, id, "calls " + DECISION_DELEGATE + " without naming the decision: add the extension property "
                        + "'decision' with the DMN's name (its file name without .dmn)", "kalder " + DECISION_DELEGATE + " uden at nævne "
                        + "beslutningen: tilføj udvidelsesegenskaben 'decision' med DMN'ens navn (filnavnet uden .dmn)"));
                continue;
            }
            DecisionModels from = decisions.has(decision) ? decisions : shared();
            if (!from.has(decision)) {
                findings.add(new Finding(resource, id, "calls decision '" + decision + "', which is neither deployed with it nor among the shared "
                        + "rules: deploy rules/" + decision + ".dmn with the model, or correct the property 'decision'", "kalder beslutningen '"
                        + decision + "', som hverken udrulles med modellen eller findes blandt de fælles regler: udrul rules/" + decision
                        + ".dmn sammen med modellen, eller ret egenskaben 'decision'"));
                continue;
            }
            if (from.lacksDecision(decision)) {
                findings.add(new Finding(resource, id, "calls decision '" + decision + "', but " + decision + ".dmn has no decision of that id: "
                        + "give its decision the id '" + decision + "'", "kalder beslutningen '" + decision + "', men " + decision
                        + ".dmn har ingen beslutning med det id: giv dens beslutning id'et '" + decision + "'"));
                continue;
            }
            List<String> inputs = from.requiredInputs(decision);
            if (inputs == null) {
                continue; // it does not compile: its own finding says so
            }
            Element process = ModelXml.process(element);
            String key = process == null ? "" : process.getAttribute("id");
            Set<String> available = new HashSet<>(provided.getOrDefault(key, Set.of()));
            available.addAll(ModelXml.parameters(element, "inputParameter"));
            if (process != null) {
                for (Element any : ModelXml.all(document, ModelConventions.CAMUNDA, "outputParameter")) {
                    if (ModelXml.process(any) == process) available.add(any.getAttribute("name"));
                }
            }
            for (String input : inputs) {
                if (!available.contains(input)) {
                    findings.add(new Finding(resource, id, "decision '" + decision + "' needs the input '" + input + "', which neither the task's "
                            + "input parameters nor the process's variables provide: add camunda:inputParameter name=\"" + input
                            + "\" to the task, or set '" + input + "' before it (an output parameter, or the backing class's variables)",
                            "beslutningen '" + decision + "' skal bruge inputtet '" + input + "', som hverken opgavens inputparametre eller "
                                    + "processens variabler giver: tilføj camunda:inputParameter name=\"" + input + "\" på opgaven, eller sæt '"
                                    + input + "' før den (en outputparameter, eller backing-klassens variabler)"));
                }
            }
        }
    }

    private static List<Element> elementsCallingDecisions(Document document) {
        List<Element> found = new ArrayList<>();
        collect(document.getDocumentElement(), found);
        return found;
    }

    private static void collect(Element element, List<Element> found) {
        if (DECISION_DELEGATE.equals(element.getAttributeNS(ModelConventions.CAMUNDA, "delegateExpression").replace(" ", ""))) {
            found.add(element);
        }
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) collect(e, found);
        }
    }

    private DecisionModels shared() {
        DecisionModels compiled = shared;
        if (compiled == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = DecisionModels.compile(sharedRules());
                }
                compiled = shared;
            }
        }
        return compiled;
    }

    private static Map<String, byte[]> sharedRules() {
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (var file : new PathMatchingResourcePatternResolver(ModelCheck.class.getClassLoader()).getResources("classpath*:rules/*.dmn")) {
                files.putIfAbsent(file.getFilename(), file.getContentAsByteArray());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/*.dmn", e);
        }
    }

    // --- forms -----------------------------------------------------------------------------------------------

    private static void forms(String resource, Document document, Map<String, byte[]> forms, Map<String, String> formFiles,
                              Map<String, Set<String>> provided, List<Finding> findings) {
        for (Element task : ModelXml.all(document, ModelConventions.BPMN, "userTask")) {
            String formRef = task.getAttributeNS(ModelConventions.CAMUNDA, "formRef");
            byte[] form = forms.get(formRef);
            if (form == null) {
                continue; // no form, an expression, or not deployed with it: the conventions say so
            }
            Map<String, FormFieldCheck.Field> fields = FormFieldCheck.fields(form);
            if (fields == null) {
                findings.add(new Finding(formFiles.get(formRef), "", "is no Camunda Form (form-js JSON): open it in the Modeler and save it again",
                        "er ikke en Camunda-formular (form-js JSON): åbn den i Modeler og gem den igen"));
                continue;
            }
            Element process = ModelXml.process(task);
            Set<String> variables = process == null ? Set.of() : provided.getOrDefault(process.getAttribute("id"), Set.of());
            findings.addAll(FormFieldCheck.check(resource, task, formFiles.get(formRef), fields, variables));
        }
    }

    // --- start messages --------------------------------------------------------------------------------------

    /** a process's start event on a message */
    record StartMessage(String resource, String processKey, String eventId, String message) {
    }

    private static List<StartMessage> startMessages(String resource, Document document) {
        Map<String, String> messages = new HashMap<>();
        for (Element message : ModelXml.all(document, ModelConventions.BPMN, "message")) {
            messages.put(message.getAttribute("id"), message.getAttribute("name"));
        }
        List<StartMessage> starts = new ArrayList<>();
        for (Element process : ModelXml.all(document, ModelConventions.BPMN, "process")) {
            // only the process's own start events: an event subprocess's message start is correlated to a running instance
            for (Element start : ModelXml.children(process, ModelConventions.BPMN, "startEvent")) {
                for (Element definition : ModelXml.children(start, ModelConventions.BPMN, "messageEventDefinition")) {
                    String name = messages.get(definition.getAttribute("messageRef"));
                    if (name != null && !name.isBlank()) {
                        starts.add(new StartMessage(resource, process.getAttribute("id"), start.getAttribute("id"), name));
                    }
                }
            }
        }
        return starts;
    }

    private void startMessages(String tenantId, List<StartMessage> starts, List<Finding> findings) {
        Map<String, StartMessage> first = new HashMap<>();
        Set<String> keys = new HashSet<>();
        starts.forEach(s -> keys.add(s.processKey()));
        for (StartMessage start : starts) {
            StartMessage other = first.putIfAbsent(start.message(), start);
            if (other != null) {
                findings.add(new Finding(start.resource(), start.eventId(), "starts on message '" + start.message() + "', as " + other.eventId()
                        + " of " + other.resource() + " does: a message starts one process only; give one of them another message",
                        "starter på beskeden '" + start.message() + "' ligesom " + other.eventId() + " i " + other.resource()
                                + ": en besked starter kun én proces; giv en af dem en anden besked"));
            }
        }
        if (repository == null) {
            return; // no engine (a check outside the server)
        }
        String tenant = tenantId == null ? "ingen lejer" : "lejer " + tenantId;
        String tenantEn = tenantId == null ? "no tenant" : "tenant " + tenantId;
        withoutAuthentication(() -> first.values().forEach(start -> {
            var query = repository.createProcessDefinitionQuery().messageEventSubscriptionName(start.message());
            (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).list().stream()
                    .filter(d -> !keys.contains(d.getKey()))
                    .forEach(d -> {
                        String event = deployedStartEvent(d, start.message(), tenantId);
                        findings.add(new Finding(start.resource(), start.eventId(), "starts on message '" + start.message() + "', which the deployed "
                                + "process '" + d.getKey() + "' (" + event + ", " + tenantEn + ") starts on already: a message starts one process "
                                + "only; give this one another message, or deploy it under its own tenant",
                                "starter på beskeden '" + start.message() + "', som den udrullede proces '" + d.getKey() + "' (" + event + ", "
                                        + tenant + ") allerede starter på: en besked starter kun én proces; giv denne en anden besked, eller "
                                        + "udrul den under sin egen lejer"));
                    });
        }));
    }

    /** the id of the deployed definition's start event on that message (a start subscription has no execution) */
    private String deployedStartEvent(ProcessDefinition definition, String message, String tenantId) {
        var query = runtime.createEventSubscriptionQuery().eventType("message").eventName(message);
        return (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).list().stream()
                .filter(s -> s.getExecutionId() == null).map(EventSubscription::getActivityId).findFirst().orElse(definition.getId());
    }

    /** the tenant's definitions as the engine knows them, not as far as the deploying user may see them */
    private void withoutAuthentication(Runnable query) {
        AsCarepath.read(identity, () -> {
            query.run();
            return null;
        });
    }
}
