package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.coverageengine.adapter.cdshooks.CoverageInformation.BillingCode;
import org.coverageengine.adapter.cdshooks.CoverageInformation.Scope;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.Citation;
import org.coverageengine.domain.determination.CoverageDecision;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.Determination;
import org.coverageengine.domain.determination.RequestedLine;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.in.DescribePolicies;
import org.coverageengine.domain.port.in.DetermineCoverage;
import org.coverageengine.domain.record.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one hook call: finds the in-scope orders and the Coverage, asks the engine about every billing code of every
 * order (orders of one date of service in one request, so that rules across codes apply), and answers one
 * {@code update} system action per order carrying the order as received plus its coverage information (CRD resp-25,
 * resp-37), with an External Reference card per cited policy when the client wants them.
 */
final class CoverageRequirements {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageRequirements.class);
    /** Coverage-assertion ids are also the ids of the determinations kept for them: time-ordered, like the record's own. */
    private static final TimeOrderedIds ASSERTION_IDS = TimeOrderedIds.systemClock();
    static final int MAX_LINES = 500;

    /** The answer, the coverage it was about and the coverage assertions it makes. */
    record Answer(ObjectNode json, String coverageReference, List<HookRecorder.Assertion> assertions) {
    }

    private final ObjectMapper json;
    private final CdsSettings settings;
    private final DetermineCoverage determineCoverage;
    private final DescribePolicies policies;
    private final CoverageSource coverages;
    private final FhirQueries queries;
    private final Clock clock;

    CoverageRequirements(ObjectMapper json, CdsSettings settings, DetermineCoverage determineCoverage, DescribePolicies policies,
            CoverageSource coverages, FhirQueries queries, Clock clock) {
        this.json = json;
        this.settings = settings;
        this.determineCoverage = determineCoverage;
        this.policies = policies;
        this.coverages = coverages;
        this.queries = queries;
        this.clock = clock;
    }

    /** The answer to a call: coverage information for every answered order, policy cards if wanted. */
    Answer answer(HookCall call) {
        LocalDate today = LocalDate.now(clock);
        List<Order> orders = new OrderReader(call, today, reference -> queries.read(call, reference)).orders();
        CoverageSource.Found coverage = coverages.find(call);
        int lines = orders.stream().mapToInt(o -> o.billingCodes().size()).sum();
        if (lines > MAX_LINES) {
            throw HookFailure.badRequest("context", "the orders carry " + lines + " billing codes; the limit is " + MAX_LINES);
        }
        // By identity: two orders with the same content are still two orders to answer.
        Map<Order, List<ObjectNode>> information = new IdentityHashMap<>();
        orders.forEach(o -> information.put(o, new ArrayList<>()));
        List<String> ids = new ArrayList<>();
        List<HookRecorder.Assertion> assertions = new ArrayList<>();
        Map<String, String> citedPolicies = new LinkedHashMap<>();
        boolean primary = call.service().primary();
        Map<LocalDate, List<Order>> byDate = new TreeMap<>();
        for (Order order : orders) {
            if (order.billingCodes().isEmpty()) {
                if (order.answered()) {
                    Scope scope = scope(coverage, today, ids, primary);
                    information.get(order).add(CoverageInformation.withoutBillingCode(order.resourceType(), scope));
                    assertions.add(new HookRecorder.Assertion(scope.assertionId(), order.reference(), null, null, diagnoses(order),
                            order.dateOfService(), coverage.lineOfBusiness(), null, null));
                }
            } else {
                byDate.computeIfAbsent(order.dateOfService(), d -> new ArrayList<>()).add(order);
            }
        }
        for (Map.Entry<LocalDate, List<Order>> group : byDate.entrySet()) {
            List<RequestedLine> requested = new ArrayList<>();
            List<Order> orderOfLine = new ArrayList<>();
            List<BillingCode> codeOfLine = new ArrayList<>();
            for (Order order : group.getValue()) {
                for (BillingCode code : order.billingCodes()) {
                    CodeSystem system = CodeSystem.fromUri(code.system()).orElseThrow();
                    requested.add(new RequestedLine(requested.size() + 1, new CodeText(system, code.code()), 1, List.of(), order.diagnoses()));
                    orderOfLine.add(order);
                    codeOfLine.add(code);
                }
            }
            CoverageDecision decision = decide(new CoverageRequest(group.getKey(), coverage.lineOfBusiness(), requested, null));
            List<Determination> determinations = decision == null ? null : decision.determinations();
            for (int i = 0; i < requested.size(); i++) {
                if (!orderOfLine.get(i).answered()) {
                    continue;
                }
                Scope scope = scope(coverage, today, ids, primary);
                Order order = orderOfLine.get(i);
                assertions.add(new HookRecorder.Assertion(scope.assertionId(), order.reference(), codeOfLine.get(i).system(),
                        codeOfLine.get(i).code(), diagnoses(order), group.getKey(), coverage.lineOfBusiness(),
                        decision == null ? null : decision.knowledgeVersion(), determinations == null ? null : determinations.get(i)));
                if (determinations == null) {
                    information.get(orderOfLine.get(i)).add(CoverageInformation.technicalFailure(codeOfLine.get(i), scope));
                    continue;
                }
                Determination d = determinations.get(i);
                Optional<String> link = policyLink(d, citedPolicies);
                information.get(orderOfLine.get(i)).add(CoverageInformation.of(d, codeOfLine.get(i), scope, link));
            }
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode cards = answer.putArray("cards");
        if (call.option(Discovery.POLICY_CARDS, settings.policyCardsByDefault())) {
            citedPolicies.forEach((number, url) -> policyCard(cards, number, url));
        }
        ArrayNode actions = answer.putArray("systemActions");
        orders.stream().filter(Order::answered).forEach(order -> {
            ObjectNode updated = withCoverageInformation(order.resource(), information.get(order));
            actions.addObject().put("type", "update").put("description", "Coverage information for " + order.reference()).set("resource", updated);
        });
        return new Answer(answer, coverage.reference(), assertions);
    }

    private static List<String> diagnoses(Order order) {
        return order.diagnoses().stream().map(CodeText::text).toList();
    }

    private static Scope scope(CoverageSource.Found coverage, LocalDate today, List<String> ids, boolean primary) {
        String id = ASSERTION_IDS.next();
        ids.add(id);
        return new Scope(coverage.reference(), today, id, primary);
    }

    /** The engine's decision, its determinations in line order, or null when it failed (answered as indeterminate, CRD resp-43). */
    private CoverageDecision decide(CoverageRequest request) {
        try {
            CoverageDecision decision = determineCoverage.determine(request);
            return decision.determinations().size() == request.lines().size() ? decision : null;
        } catch (RuntimeException e) {
            LOG.error("The engine failed on a hook call's orders; answered indeterminate/technical: {}", e.getClass().getName());
            return null;
        }
    }

    private Optional<String> policyLink(Determination d, Map<String, String> cited) {
        for (Citation citation : d.citations()) {
            if (citation.citesNcciEdit()) {
                continue;
            }
            Optional<String> url = policies.describe(citation.policyNumber()).map(Policy::url).filter(CoverageRequirements::absolute);
            if (url.isPresent()) {
                cited.putIfAbsent(citation.policyNumber(), url.get());
                return url;
            }
        }
        return Optional.empty();
    }

    private static boolean absolute(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private void policyCard(ArrayNode cards, String number, String url) {
        Policy policy = policies.describe(number).orElseThrow();
        String summary = settings.payerName() + " policy " + number + ": " + policy.title();
        ObjectNode card = cards.addObject();
        card.put("uuid", UUID.randomUUID().toString());
        card.put("summary", summary.length() > 140 ? summary.substring(0, 137) + "..." : summary);
        card.put("indicator", "info");
        card.put("detail", "The coverage information on these orders cites this policy.");
        ObjectNode source = card.putObject("source").put("label", settings.payerName());
        source.putObject("topic").put("system", "http://terminology.hl7.org/CodeSystem/cdshooks-card-type").put("code", "guideline")
                .put("display", "Guideline");
        card.putArray("links").addObject().put("label", "Policy " + number + " " + policy.title()).put("url", url).put("type", "absolute");
    }

    /** The order exactly as received, its earlier coverage-information extensions replaced by these (CRD resp-37). */
    private static ObjectNode withCoverageInformation(ObjectNode order, List<ObjectNode> extensions) {
        ObjectNode updated = order.deepCopy();
        ArrayNode kept = updated.arrayNode();
        if (updated.path("extension").isArray()) {
            updated.get("extension").forEach(e -> {
                if (!CoverageInformation.URL.equals(e.path("url").asText())) {
                    kept.add(e);
                }
            });
        }
        extensions.forEach(kept::add);
        updated.set("extension", kept);
        return updated;
    }
}
