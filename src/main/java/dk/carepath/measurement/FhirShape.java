package dk.carepath.measurement;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildDirectResource;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * The shape of a FHIR JSON resource, checked against the FHIR R4 definitions before HAPI reads it,
 * where HAPI's parser is lenient even with its strict error handler: a list for a single element
 * ({@code "valueQuantity": [...]}), a single value for a list, a text for a number or a yes/no, an
 * element FHIR does not define, a primitive value that is not valid (a code outside its value set, a
 * date that is no date), a key twice, content after the resource. Each problem names its FHIRPath:
 * {@code Observation.valueQuantity}, {@code Bundle.entry[0].resource.code.coding[1].system}.
 */
final class FhirShape {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Set<String> NUMBERS = Set.of("decimal", "integer", "positiveInt", "unsignedInt", "integer64");

    private final FhirContext fhir;
    private final List<FieldProblem> problems = new ArrayList<>();

    private FhirShape(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The JSON of the body, or a problem naming where it stops being JSON (the resource itself when nothing more is known). */
    static JsonNode read(String json, String root) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            String at = root;
            String message = "not a valid FHIR R4 " + root + ": not JSON";
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (e.getProcessor() instanceof JsonParser parser && !original.contains("end-of-input")) {
                at = path(parser.getParsingContext(), root);
            }
            if (e instanceof JsonParseException && original.startsWith("Duplicate field '")) {
                message = "appears twice: give each element once";
            } else if (original.startsWith("Trailing token")) {
                at = root;
                message = "nothing may follow the resource (one resource per request)";
            } else if (e.getLocation() != null) {
                message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            }
            throw new dk.carepath.web.InvalidRequestException(List.of(new FieldProblem(at, message)));
        }
    }

    /** The problems with the shape of a resource whose path is {@code root} ("Observation", "Bundle"); empty when it is sound. */
    static List<FieldProblem> check(FhirContext fhir, JsonNode resource, String root) {
        FhirShape shape = new FhirShape(fhir);
        shape.resource(resource, root);
        return shape.problems;
    }

    private void resource(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be a FHIR resource (a JSON object with a resourceType)");
            return;
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual()) {
            problem(path + ".resourceType", "is required");
            return;
        }
        RuntimeResourceDefinition definition;
        try {
            definition = fhir.getResourceDefinition(type.asText());
        } catch (DataFormatException e) {
            problem(path + ".resourceType", Validation.excerpt(type.asText()) + " is not a FHIR R4 resource type");
            return;
        }
        composite(node, definition, path, true);
    }

    private void composite(JsonNode node, BaseRuntimeElementCompositeDefinition<?> definition, String path, boolean resource) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (resource && name.equals("resourceType")) {
                continue;
            }
            boolean primitiveExtension = name.startsWith("_");
            String element = primitiveExtension ? name.substring(1) : name;
            String at = path + "." + Validation.excerpt(element).replace("'", "");
            BaseRuntimeChildDefinition child = definition.getChildByName(element);
            if (child == null) {
                problem(at, "is not an element of " + definition.getName() + " in FHIR R4");
                continue;
            }
            boolean list = child.getMax() != 1;
            if (value.isArray() && !list) {
                problem(at, "is a single " + definition.getName() + " element, not a list");
                continue;
            }
            if (!value.isArray() && list) {
                problem(at, "repeats in FHIR: give it as a list [...]");
                continue;
            }
            BaseRuntimeElementDefinition<?> type = child.getChildByName(element);
            if (primitiveExtension) {
                extensionsOfPrimitive(value, type, at);
                continue;
            }
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    one(value.get(i), child, type, at + "[" + i + "]");
                }
            } else {
                one(value, child, type, at);
            }
        }
    }

    /** {@code _effectiveDateTime}: the id and extensions of a primitive value; the value itself is checked where it is used. */
    private void extensionsOfPrimitive(JsonNode value, BaseRuntimeElementDefinition<?> type, String at) {
        if (!(type instanceof RuntimePrimitiveDatatypeDefinition)) {
            problem(at, "only a primitive value has extensions of its own (_" + at.substring(at.lastIndexOf('.') + 1) + ")");
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        for (JsonNode item : items) {
            if (!item.isObject() && !(value.isArray() && item.isNull())) {
                problem(at, "its extensions (_" + at.substring(at.lastIndexOf('.') + 1) + ") are an object with id and extension");
                return;
            }
        }
    }

    private void one(JsonNode value, BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> type, String at) {
        if (child instanceof RuntimeChildDirectResource || child instanceof RuntimeChildContainedResources) {
            resource(value, at);
        } else if (type instanceof RuntimePrimitiveDatatypeDefinition) {
            primitive(value, child, type, at);
        } else if (type instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            if (value.isObject()) {
                composite(value, composite, at, false);
            } else {
                problem(at, "must be a " + type.getName() + " (a JSON object)");
            }
        }
    }

    private void primitive(JsonNode value, BaseRuntimeChildDefinition child, BaseRuntimeElementDefinition<?> type, String at) {
        String kind = type.getName();
        if (value.isNull()) {
            // a null in a list of primitives stands for a value given only by its extensions (_element)
            return;
        }
        if (NUMBERS.contains(kind) ? !value.isNumber() : kind.equals("boolean") ? !value.isBoolean() : !value.isTextual()) {
            problem(at, "must be a JSON " + (NUMBERS.contains(kind) ? "number" : kind.equals("boolean") ? "true or false" : "string")
                    + " (FHIR " + kind + ")");
            return;
        }
        try {
            IPrimitiveType<?> primitive = (IPrimitiveType<?>) type.newInstance(child.getInstanceConstructorArguments());
            primitive.setValueAsString(value.asText());
        } catch (RuntimeException e) {
            problem(at, Validation.excerpt(value.asText()) + " is not a valid FHIR " + kind);
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** The FHIRPath of where a JSON parser is: Observation.code.coding[0]. */
    private static String path(JsonStreamContext context, String root) {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                steps.add(0, "." + Validation.excerpt(c.getCurrentName()).replace("'", ""));
            }
        }
        return root + String.join("", steps);
    }
}
