package dk.carepath.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading a model's XML as the checks need it: safely (no DTDs), and the Camunda extensions of one element. */
final class ModelXml {

    private ModelXml() {
    }

    /** the document, or null when the bytes are not well-formed XML */
    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return null;
        }
    }

    /** the element's own children of a namespace and name (not their descendants) */
    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** every element of a namespace and name in the document, in document order */
    static List<Element> all(Document document, String namespace, String name) {
        var nodes = document.getElementsByTagNameNS(namespace, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** the element's camunda extensions of a name ({@code properties}, {@code inputOutput}, {@code taskListener}) */
    private static List<Element> extensions(Element element, String name) {
        List<Element> found = new ArrayList<>();
        for (Element extensions : children(element, ModelConventions.BPMN, "extensionElements")) {
            found.addAll(children(extensions, ModelConventions.CAMUNDA, name));
        }
        return found;
    }

    /** the element's camunda:property values by name */
    static Map<String, String> properties(Element element) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element list : extensions(element, "properties")) {
            for (Element property : children(list, ModelConventions.CAMUNDA, "property")) {
                properties.putIfAbsent(property.getAttribute("name"), property.getAttribute("value"));
            }
        }
        return properties;
    }

    /** the names of the element's camunda:inputParameter (kind "inputParameter") or camunda:outputParameter */
    static Set<String> parameters(Element element, String kind) {
        Set<String> names = new LinkedHashSet<>();
        for (Element io : extensions(element, "inputOutput")) {
            for (Element parameter : children(io, ModelConventions.CAMUNDA, kind)) {
                names.add(parameter.getAttribute("name"));
            }
        }
        return names;
    }

    /** the events (create, complete, …) the user task has a camunda:taskListener for */
    static Set<String> taskListenerEvents(Element task) {
        Set<String> events = new LinkedHashSet<>();
        for (Element listener : extensions(task, "taskListener")) {
            events.add(listener.getAttribute("event"));
        }
        return events;
    }

    /** the bpmn:process an element belongs to, or null */
    static Element process(Element element) {
        for (Node n = element; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && ModelConventions.BPMN.equals(e.getNamespaceURI()) && "process".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** split a comma-separated list, trimmed, without blanks */
    static List<String> list(String commaSeparated) {
        List<String> items = new ArrayList<>();
        if (commaSeparated != null) {
            for (String item : commaSeparated.split(",")) {
                if (!item.isBlank()) items.add(item.trim());
            }
        }
        return items;
    }
}
