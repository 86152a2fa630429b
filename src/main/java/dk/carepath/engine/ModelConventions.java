package dk.carepath.engine;

import dk.carepath.security.Membership;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The conventions a process model must keep before the engine may run it, checked at every
 * deployment (at start, and from the Modeler through {@code /engine-rest/deployment/create}) and by
 * the build ({@code ModelConventionsTest}) alike: a user task without its form, a bean that does not
 * exist, a process without {@code historyTimeToLive}, an id the Modeler made up, a candidate group
 * that is no organisation × role. Each finding names the element and says what to do, in English and
 * Danish. {@code ModelCheck} runs them with its checks over the whole deployment (DMN, decision inputs, forms, start
 * messages); the engine's own parser then checks what it checks (BPMN itself).
 */
final class ModelConventions {

    /** A finding: the model file, the element's id, what is wrong and what to do. */
    public record Finding(String resource, String elementId, String english, String danish) {

        @Override
        public String toString() {
            return resource + " " + elementId + ": " + english + " / " + danish;
        }
    }

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** the roots of expressions that are the engine's, not beans */
    static final Set<String> BUILT_IN = Set.of("execution", "task", "variables", "authenticatedUserId", "dateTime", "now",
            "caseExecution", "connector", "externalTask", "true", "false", "null", "empty", "not");
    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\.|\\(|})");
    /** ids as the Modeler makes them up: Activity_0x1y2z3, Flow_1abcdef, Gateway_0q1w2e3 */
    static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[0-9][0-9a-z]{6}");
    /** attributes that take a bean, or a bean's method, as a whole: {@code ${monitoringPlanForm}} */
    static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression");

    private ModelConventions() {
    }

    /**
     * @param resource  the model's file name, for the findings
     * @param xml       the BPMN
     * @param forms     the ids of the forms a task may name (those of its deployment)
     * @param isBean    whether a name is a bean the models may call
     */
    public static List<Finding> check(String resource, byte[] xml, Set<String> forms, Predicate<String> isBean) {
        List<Finding> findings = new ArrayList<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            findings.add(new Finding(resource, "", "is not well-formed XML: " + e.getMessage(), "er ikke gyldig XML: " + e.getMessage()));
            return findings;
        }
        walk(resource, document.getDocumentElement(), null, forms, isBean, findings);
        return findings;
    }

    private static void walk(String resource, Element element, String owner, Set<String> forms, Predicate<String> isBean,
                             List<Finding> findings) {
        String id = element.getAttribute("id");
        String at = id.isEmpty() ? owner : id;
        String kind = element.getLocalName();
        boolean bpmn = BPMN.equals(element.getNamespaceURI());
        if (bpmn && !id.isEmpty() && GENERATED_ID.matcher(id).matches()) {
            findings.add(new Finding(resource, id, "an id the Modeler made up: give the " + kind + " an id that says what it is (Task_CallCitizen)",
                    "et id fra Modeler: giv elementet et id, der siger hvad det er (Task_CallCitizen)"));
        }
        if (bpmn && "process".equals(kind) && "true".equals(element.getAttribute("isExecutable"))
                && element.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
            findings.add(new Finding(resource, id, "has no camunda:historyTimeToLive: set how many days its history is kept",
                    "mangler camunda:historyTimeToLive: angiv hvor mange dage historikken gemmes"));
        }
        if (bpmn && "userTask".equals(kind)) {
            userTask(resource, element, id, forms, findings);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            expressions(resource, at, attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName(), attribute.getValue(),
                    isBean, findings);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                walk(resource, e, at, forms, isBean, findings);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(resource, at, "", child.getNodeValue(), isBean, findings);
            }
        }
    }

    private static void userTask(String resource, Element task, String id, Set<String> forms, List<Finding> findings) {
        String formRef = task.getAttributeNS(CAMUNDA, "formRef");
        String formKey = task.getAttributeNS(CAMUNDA, "formKey");
        if (formRef.isBlank() && formKey.isBlank()) {
            findings.add(new Finding(resource, id, "a user task without a form: set camunda:formRef to a form of forms/",
                    "en brugeropgave uden formular: sæt camunda:formRef til en formular i forms/"));
        } else if (!formRef.isBlank() && !formRef.contains("${") && !forms.contains(formRef)) {
            findings.add(new Finding(resource, id, "its form '" + formRef + "' is not deployed with it: deploy forms/" + formRef
                    + ".form together with the model", "formularen '" + formRef + "' udrulles ikke sammen med modellen: udrul forms/"
                    + formRef + ".form sammen med den"));
        }
        String groups = task.getAttributeNS(CAMUNDA, "candidateGroups");
        if (!groups.isBlank() && !groups.contains("${")) {
            for (String group : groups.split(",")) {
                if (Membership.ofGroup(group.trim()).isEmpty()) {
                    findings.add(new Finding(resource, id, "candidate group '" + group.trim() + "' is no organisation × role: use "
                            + "${team…} (docs/access.md) or '<organisation>.<role>'", "kandidatgruppen '" + group.trim()
                            + "' er ikke organisation × rolle: brug ${team…} (docs/access.md) eller '<organisation>.<rolle>'"));
                }
            }
        }
    }

    private static void expressions(String resource, String at, String attribute, String value, Predicate<String> isBean,
                                    List<Finding> findings) {
        if (value == null || !value.contains("{")) {
            return;
        }
        Matcher m = EXPRESSION.matcher(value);
        Set<String> unknown = new LinkedHashSet<>();
        while (m.find()) {
            String root = m.group(1);
            boolean called = m.group(2).equals(".") || m.group(2).equals("(");
            // ${name.method(…)} and a delegate expression name a bean; ${name} alone is a process variable
            if ((called || DELEGATE_ATTRIBUTES.contains(attribute)) && !BUILT_IN.contains(root) && !isBean.test(root)) {
                unknown.add(root);
            }
        }
        for (String root : unknown) {
            findings.add(new Finding(resource, at == null ? "" : at, "names '" + root + "', which is no bean of Carepath (in " + value.strip() + ")",
                    "bruger '" + root + "', som ikke findes i Carepath (i " + value.strip() + ")"));
        }
    }
}
