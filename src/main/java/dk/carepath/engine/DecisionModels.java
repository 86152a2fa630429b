package dk.carepath.engine;

import dk.carepath.region.ModelChecker.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DMN files compiled in Drools' KIE DMN runtime, as the rules module evaluates them (by the model's name, which
 * is its file's name and its decision's id), for the model check: what does not compile, named by the DMN
 * element (rule, table, decision) where Drools names one, and the inputs each decision requires. The rules
 * module depends on this one, so the KIE library is used directly. One compile per set of files.
 */
final class DecisionModels {

    static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    /** the DMN elements a process owner knows by id in the Modeler, from the most specific up */
    private static final Set<String> NAMED = Set.of("rule", "input", "output", "decisionTable", "literalExpression", "decision", "inputData",
            "businessKnowledgeModel", "decisionService", "itemDefinition");

    private final Map<String, DMNModel> byName;
    /** the models that did not compile: no input check for them, their finding says enough */
    private final Set<String> broken;
    private final List<Finding> findings;

    private DecisionModels(Map<String, DMNModel> byName, Set<String> broken, List<Finding> findings) {
        this.byName = byName;
        this.broken = broken;
        this.findings = findings;
    }

    /** what keeps the files from compiling, or from being found by name */
    List<Finding> findings() {
        return findings;
    }

    boolean has(String name) {
        return byName.containsKey(name) || broken.contains(name);
    }

    /** the input data names the decision of that name requires, or null when it did not compile or is no decision of its model */
    List<String> requiredInputs(String name) {
        DMNModel model = byName.get(name);
        if (model == null || model.getDecisionById(name) == null) {
            return null;
        }
        return model.getRequiredInputsForDecisionId(name).stream().map(InputDataNode::getName).sorted().toList();
    }

    /** whether the model of that name compiled but has no decision of its name (the delegate could not evaluate it) */
    boolean lacksDecision(String name) {
        DMNModel model = byName.get(name);
        return model != null && model.getDecisionById(name) == null;
    }

    /** compiles the DMN files of a set, by file name */
    static DecisionModels compile(Map<String, byte[]> files) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Document> documents = new LinkedHashMap<>();
        List<Resource> resources = new ArrayList<>();
        Set<String> broken = new java.util.HashSet<>();
        files.forEach((file, bytes) -> {
            Document document = ModelXml.parse(bytes);
            if (document == null) {
                findings.add(new Finding(file, "", "is not well-formed XML: open it in the Modeler and save it again",
                        "er ikke gyldig XML: åbn den i Modeler og gem den igen"));
                broken.add(baseName(file));
                return;
            }
            documents.put(file, document);
            Resource resource = ResourceFactory.newByteArrayResource(bytes);
            resource.setSourcePath(file);
            resources.add(resource);
        });
        Map<String, DMNModel> byName = new LinkedHashMap<>();
        if (resources.isEmpty()) {
            return new DecisionModels(byName, broken, findings);
        }
        DMNRuntime runtime;
        try {
            runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(resources)
                    .getOrElseThrow(e -> new IllegalStateException(e.getMessage(), e));
        } catch (RuntimeException e) {
            for (String file : documents.keySet()) {
                findings.add(new Finding(file, "", "Drools cannot compile the DMN files deployed with it: " + e.getMessage(),
                        "Drools kan ikke oversætte DMN-filerne, der udrulles med den: " + e.getMessage()));
                broken.add(baseName(file));
            }
            return new DecisionModels(byName, broken, findings);
        }
        Set<String> compiled = new java.util.HashSet<>();
        for (DMNModel model : runtime.getModels()) {
            String file = model.getResource() == null ? null : model.getResource().getSourcePath();
            compiled.add(file);
            Document document = documents.get(file);
            String name = model.getName();
            if (file != null && !baseName(file).equals(name)) {
                findings.add(new Finding(file, definitionsId(document), "its model is named '" + name + "', not after its file: a model calls a "
                        + "decision by its file's name; name the DMN's definitions (and its decision) '" + baseName(file) + "'",
                        "modellen hedder '" + name + "', ikke som filen: en proces kalder en beslutning ved filens navn; giv DMN'ens definitions "
                                + "(og dens beslutning) navnet '" + baseName(file) + "'"));
            }
            if (model.hasErrors()) {
                broken.add(name);
                for (DMNMessage message : model.getMessages(DMNMessage.Severity.ERROR)) {
                    String at = named(document, message.getSourceId());
                    String where = message.getSourceId() != null && !message.getSourceId().equals(at) ? " (at " + message.getSourceId() + ")" : "";
                    findings.add(new Finding(file, at, "does not compile in Drools" + where + ": " + message.getText()
                            + " — correct it in the Modeler and deploy again", "kan ikke oversættes af Drools" + where.replace("at ", "ved ") + ": "
                            + message.getText() + " — ret det i Modeler, og udrul igen"));
                }
            } else {
                byName.put(name, model);
            }
        }
        for (String file : documents.keySet()) {
            if (!compiled.contains(file)) {
                findings.add(new Finding(file, definitionsId(documents.get(file)), "Drools found no DMN model in it: is it a DMN 1.3 file "
                        + "(namespace " + DMN + ")?", "Drools fandt ingen DMN-model i den: er den en DMN 1.3-fil (navnerum " + DMN + ")?"));
                broken.add(baseName(file));
            }
        }
        return new DecisionModels(byName, broken, findings);
    }

    static String baseName(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".dmn") ? name.substring(0, name.length() - ".dmn".length()) : name;
    }

    private static String definitionsId(Document document) {
        return document == null ? "" : document.getDocumentElement().getAttribute("id");
    }

    /** the id of the element Drools names, or of the nearest one around it that the Modeler shows (a rule for a rule's cell) */
    private static String named(Document document, String sourceId) {
        if (sourceId == null || sourceId.isBlank() || document == null) {
            return sourceId == null ? "" : sourceId;
        }
        Element source = byId(document.getDocumentElement(), sourceId);
        for (Node n = source; n instanceof Element e; n = n.getParentNode()) {
            if (NAMED.contains(e.getLocalName()) && !e.getAttribute("id").isBlank()) {
                return e.getAttribute("id");
            }
        }
        return sourceId;
    }

    private static Element byId(Element element, String id) {
        if (id.equals(element.getAttribute("id"))) {
            return element;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                Element found = byId(e, id);
                if (found != null) return found;
            }
        }
        return null;
    }
}
