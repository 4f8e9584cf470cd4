package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.coverageengine.adapter.cdshooks.CoverageInformation.BillingCode;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;

/**
 * Finds the orders of a hook call (draftOrders, of which order-select answers only the selections, dispatched orders,
 * the ServiceRequests appointments are based on) and reads what the engine needs from each: billing codes (CPT/HCPCS
 * codings plus CRD {@code ext-billing-options}), ICD-10-CM diagnoses from reasonCode and reasonReference, and the date
 * of service (the occurrence, else today). Missing clinical data is never an error (CRD resp-41/42).
 */
final class OrderReader {

    static final String BILLING_OPTIONS = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-billing-options";
    static final String R5_PAYLOAD_CONTENT = "http://hl7.org/fhir/5.0/StructureDefinition/extension-CommunicationRequest.payload.content[x]";

    /** Where each request type carries the concept naming what is ordered. */
    private static final Map<String, String[]> CONCEPTS = Map.of(
            "ServiceRequest", new String[] {"code"},
            "DeviceRequest", new String[] {"codeCodeableConcept"},
            "MedicationRequest", new String[] {"medicationCodeableConcept"},
            "NutritionOrder", new String[] {"oralDiet/type", "supplement/type", "enteralFormula/baseFormulaType"},
            "VisionPrescription", new String[] {},
            "CommunicationRequest", new String[] {"payload/extension"},
            "Appointment", new String[] {"serviceType"});

    private final HookCall call;
    private final LocalDate today;
    private final Function<String, Optional<ObjectNode>> fetch;

    OrderReader(HookCall call, LocalDate today, Function<String, Optional<ObjectNode>> fetch) {
        this.call = call;
        this.today = today;
        this.fetch = fetch;
    }

    List<Order> orders() {
        String field = call.service().ordersContext();
        JsonNode source = call.context().get(field);
        if (source == null || source.isNull()) {
            throw HookFailure.badRequest("context." + field, "the " + call.service().hook() + " hook needs context." + field);
        }
        return switch (call.service()) {
            case ORDER_SIGN, ORDER_SELECT -> draftOrders(source, "context." + field);
            case ORDER_DISPATCH -> dispatched(source, "context." + field);
            case APPOINTMENT_BOOK -> appointments(source, "context." + field);
        };
    }

    private List<Order> draftOrders(JsonNode bundle, String where) {
        Set<String> selections = null;
        if (call.service() == CrdService.ORDER_SELECT) {
            JsonNode selected = call.context().path("selections");
            if (!selected.isArray() || selected.isEmpty()) {
                throw HookFailure.badRequest("context.selections", "order-select needs context.selections (the orders just selected)");
            }
            selections = new HashSet<>();
            for (JsonNode s : selected) {
                selections.add(s.asText());
            }
        }
        List<Order> orders = new ArrayList<>();
        JsonNode entries = entries(bundle, where);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            String path = where + ".entry[" + i + "].resource";
            String type = resource.path("resourceType").asText();
            if (!CrdService.ORDER_TYPES.contains(type)) {
                continue;
            }
            ObjectNode order = (ObjectNode) resource;
            orders.add(read(order, path, selections == null || selections.contains(type + "/" + order.path("id").asText())));
        }
        return orders;
    }

    private List<Order> dispatched(JsonNode references, String where) {
        if (!references.isArray()) {
            throw HookFailure.badRequest(where, "dispatchedOrders must be an array of references to the orders dispatched");
        }
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i).asText();
            String path = where + "[" + i + "]";
            ObjectNode order = call.resolve(reference).or(() -> fetch.apply(reference)).orElseThrow(() -> HookFailure.preconditionFailed(path,
                    "the dispatched order " + reference + " is neither prefetched nor readable from fhirServer"));
            if (!CrdService.ORDER_TYPES.contains(order.path("resourceType").asText())) {
                throw HookFailure.unprocessable(path, "a dispatched order must be one of " + String.join(", ", CrdService.ORDER_TYPES.stream().sorted().toList()));
            }
            orders.add(read(order, path, true));
        }
        return orders;
    }

    private List<Order> appointments(JsonNode bundle, String where) {
        List<Order> orders = new ArrayList<>();
        JsonNode entries = entries(bundle, where);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode appointment = entries.get(i).path("resource");
            String path = where + ".entry[" + i + "].resource";
            if (!"Appointment".equals(appointment.path("resourceType").asText())) {
                continue;
            }
            Optional<ObjectNode> basis = Optional.empty();
            for (JsonNode basedOn : appointment.path("basedOn")) {
                String reference = basedOn.path("reference").asText(null);
                if (reference != null && reference.contains("ServiceRequest/")) {
                    basis = call.resolve(reference).or(() -> fetch.apply(reference));
                }
            }
            orders.add(basis.isPresent() ? read(basis.get(), path + ".basedOn", true) : read((ObjectNode) appointment, path, true));
        }
        return orders;
    }

    private static JsonNode entries(JsonNode bundle, String where) {
        if (!bundle.isObject() || !"Bundle".equals(bundle.path("resourceType").asText())) {
            throw HookFailure.badRequest(where, "must be a FHIR Bundle of the orders");
        }
        JsonNode entries = bundle.path("entry");
        if (!entries.isArray() && !entries.isMissingNode()) {
            throw HookFailure.badRequest(where + ".entry", "must be an array");
        }
        return entries;
    }

    private Order read(ObjectNode resource, String path, boolean answered) {
        if (!resource.path("id").isTextual()) {
            throw HookFailure.unprocessable(path + ".id", "an order needs an id, so that its update can name it");
        }
        return new Order(resource, path, billingCodes(resource), diagnoses(resource), dateOfService(resource, path), answered);
    }

    private static List<BillingCode> billingCodes(ObjectNode resource) {
        Set<BillingCode> codes = new LinkedHashSet<>();
        for (String concept : CONCEPTS.getOrDefault(resource.path("resourceType").asText(), new String[0])) {
            for (JsonNode node : walk(resource, concept.split("/"))) {
                JsonNode value = node.has("valueCodeableConcept") && R5_PAYLOAD_CONTENT.equals(node.path("url").asText())
                        ? node.get("valueCodeableConcept") : node;
                addProcedureCodings(value, codes);
                for (JsonNode extension : value.path("extension")) {
                    if (BILLING_OPTIONS.equals(extension.path("url").asText())) {
                        addProcedureCodings(extension.path("valueCodeableConcept"), codes);
                    }
                }
            }
        }
        return List.copyOf(codes);
    }

    private static void addProcedureCodings(JsonNode concept, Set<BillingCode> codes) {
        for (JsonNode coding : concept.path("coding")) {
            Optional<CodeSystem> system = CodeSystem.fromUri(coding.path("system").asText(null));
            String code = coding.path("code").asText("").strip();
            if (system.isPresent() && system.get().isProcedure() && !code.isEmpty()) {
                codes.add(new BillingCode(system.get().uri(), code));
            }
        }
    }

    /** The nodes at a path of field names, flattening arrays on the way. */
    private static List<JsonNode> walk(JsonNode node, String[] fields) {
        List<JsonNode> current = List.of(node);
        for (String field : fields) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                JsonNode child = n.path(field);
                if (child.isArray()) {
                    child.forEach(next::add);
                } else if (child.isObject()) {
                    next.add(child);
                }
            }
            current = next;
        }
        return current;
    }

    private List<CodeText> diagnoses(ObjectNode resource) {
        Set<CodeText> diagnoses = new LinkedHashSet<>();
        for (JsonNode concept : resource.path("reasonCode")) {
            addDiagnosis(concept, diagnoses);
        }
        for (JsonNode reference : resource.path("reasonReference")) {
            String target = reference.path("reference").asText(null);
            Optional<ObjectNode> condition = target != null && target.startsWith("#") ? contained(resource, target.substring(1)) : call.resolve(target);
            condition.filter(c -> "Condition".equals(c.path("resourceType").asText())).ifPresent(c -> addDiagnosis(c.path("code"), diagnoses));
        }
        return List.copyOf(diagnoses);
    }

    private static Optional<ObjectNode> contained(ObjectNode resource, String id) {
        for (JsonNode contained : resource.path("contained")) {
            if (id.equals(contained.path("id").asText())) {
                return Optional.of((ObjectNode) contained);
            }
        }
        return Optional.empty();
    }

    private static void addDiagnosis(JsonNode concept, Set<CodeText> diagnoses) {
        for (JsonNode coding : concept.path("coding")) {
            if (CodeSystem.fromUri(coding.path("system").asText(null)).orElse(null) == CodeSystem.ICD10CM && coding.path("code").isTextual()) {
                diagnoses.add(CodeText.diagnosis(coding.get("code").asText()));
                return;
            }
        }
    }

    private LocalDate dateOfService(ObjectNode resource, String path) {
        String[][] candidates = {{"occurrenceDateTime"}, {"occurrencePeriod", "start"}, {"occurrenceTiming", "event"},
                {"occurrenceTiming", "repeat", "boundsPeriod", "start"}, {"dispenseRequest", "validityPeriod", "start"}, {"start"},
                {"dateTime"}, {"dateWritten"}};
        for (String[] candidate : candidates) {
            List<JsonNode> found = walk(resource, java.util.Arrays.copyOf(candidate, candidate.length - 1));
            for (JsonNode parent : found) {
                JsonNode value = parent.path(candidate[candidate.length - 1]);
                if (value.isArray()) {
                    value = value.path(0);
                }
                if (value.isTextual()) {
                    return date(value.asText(), path + "." + String.join(".", candidate));
                }
            }
        }
        return today;
    }

    private static LocalDate date(String text, String where) {
        try {
            if (text.length() < 10) {
                throw new DateTimeException("not a full date");
            }
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeException e) {
            throw HookFailure.badRequest(where, "the date of service must be a FHIR date or dateTime with a full date, was '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
    }
}
