package org.coverageengine.adapter.cdshooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.coverageengine.adapter.cdshooks.CoverageInformation.BillingCode;
import org.coverageengine.domain.code.CodeText;

/**
 * One in-scope order as the hook sent it (kept as received, so the update action changes nothing but the
 * coverage-information extension), where it was in the request, and what the engine reads of it.
 */
record Order(ObjectNode resource, String path, List<BillingCode> billingCodes, List<CodeText> diagnoses, LocalDate dateOfService) {

    String resourceType() {
        return resource.path("resourceType").asText();
    }

    String reference() {
        return resourceType() + "/" + resource.path("id").asText();
    }
}
