package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.adapter.cdshooks.CoverageInformation.BillingCode;
import org.coverageengine.domain.code.CodeText;

/**
 * One order as the hook sent it (kept as received, so the update action changes nothing but the coverage-information
 * extension), where it was in the request, what the engine reads of it, and whether it is answered (on order-select,
 * only the selections are; the other draft orders are context, CRD hook-34).
 */
record Order(ObjectNode resource, String path, List<BillingCode> billingCodes, List<CodeText> diagnoses, LocalDate dateOfService,
        boolean answered) {

    String resourceType() {
        return resource.path("resourceType").asText();
    }

    String reference() {
        return resourceType() + "/" + resource.path("id").asText();
    }
}
