package org.coverageengine.adapter.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the CoverageEligibilityRequest in a $submit body (itself, in a Bundle, in a Parameters) and resolves its
 * references from its contained resources or the enclosing Bundle. Every error names its element path.
 */
final class ReferenceResolver {

    /** The request found in a body, its element path, and the resolver for its references. */
    record Located(CoverageEligibilityRequest request, String path, ReferenceResolver references) {
    }

    private final Map<String, Resource> contained = new HashMap<>();
    private final Map<String, Resource> bundled = new HashMap<>();
    private final boolean inBundle;

    private ReferenceResolver(CoverageEligibilityRequest request, Bundle bundle) {
        for (Resource resource : request.getContained()) {
            String id = resource.getIdElement().getIdPart();
            if (id != null) {
                contained.put(id.startsWith("#") ? id.substring(1) : id, resource);
            }
        }
        inBundle = bundle != null;
        if (bundle != null) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource == null) {
                    continue;
                }
                if (entry.hasFullUrl()) {
                    bundled.put(entry.getFullUrl(), resource);
                }
                if (resource.getIdElement().hasIdPart()) {
                    bundled.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
                }
            }
        }
    }

    /** Finds the one CoverageEligibilityRequest of a body: the body itself, in a Bundle, or in a Parameters (of either). */
    static Located locate(IBaseResource body) {
        IBaseResource resource = body;
        String prefix = "";
        if (resource instanceof Parameters parameters) {
            resource = unwrap(parameters);
            prefix = "Parameters.parameter.resource.";
        }
        if (resource instanceof Bundle bundle) {
            return fromBundle(bundle, prefix);
        }
        if (resource instanceof CoverageEligibilityRequest request) {
            return new Located(request, prefix + "CoverageEligibilityRequest", new ReferenceResolver(request, null));
        }
        throw FhirErrors.badRequest(prefix + "resourceType", "expected a CoverageEligibilityRequest, a Bundle or a Parameters, found "
                + resource.fhirType());
    }

    private static IBaseResource unwrap(Parameters parameters) {
        List<Resource> found = new ArrayList<>();
        for (Parameters.ParametersParameterComponent parameter : parameters.getParameter()) {
            if (parameter.getResource() != null) {
                found.add(parameter.getResource());
            }
        }
        if (found.size() != 1) {
            throw FhirErrors.badRequest("Parameters.parameter", "expected exactly one parameter 'resource' holding a CoverageEligibilityRequest "
                    + "or a Bundle, found " + found.size() + " resource parameters");
        }
        return found.get(0);
    }

    private static Located fromBundle(Bundle bundle, String prefix) {
        CoverageEligibilityRequest request = null;
        int index = -1;
        int count = 0;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            if (resource instanceof CoverageEligibilityRequest found) {
                request = found;
                index = i;
                count++;
            }
        }
        if (count != 1) {
            throw FhirErrors.badRequest(prefix + "Bundle.entry", "a Bundle must hold exactly one CoverageEligibilityRequest, found " + count);
        }
        return new Located(request, prefix + "Bundle.entry[" + index + "].resource", new ReferenceResolver(request, bundle));
    }

    /**
     * The resource a reference points to: linked, contained ({@code #id}), or in the Bundle (by fullUrl, by Type/id,
     * or by the tail of an absolute URL). Empty when the reference is absent or, outside a Bundle, external and not
     * required; a dangling reference is a client error at {@code where}.
     */
    Optional<Resource> resolve(Reference reference, String where, boolean required) {
        if (reference == null || reference.isEmpty()) {
            if (required) {
                throw FhirErrors.badRequest(where, "a reference is required here");
            }
            return Optional.empty();
        }
        if (reference.getResource() instanceof Resource linked) {
            return Optional.of(linked);
        }
        String target = reference.getReference();
        if (target == null) {
            if (required) {
                throw FhirErrors.notFound(where, "the reference has no 'reference' to resolve (only an identifier or display)");
            }
            return Optional.empty();
        }
        if (target.startsWith("#")) {
            Resource found = contained.get(target.substring(1));
            if (found == null) {
                throw FhirErrors.notFound(where, "no contained resource has the id '" + target.substring(1) + "'");
            }
            return Optional.of(found);
        }
        Resource found = bundled.get(target);
        if (found == null) {
            int slash = target.lastIndexOf('/', target.lastIndexOf('/') - 1);
            if (slash >= 0) {
                found = bundled.get(target.substring(slash + 1));
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        if (inBundle) {
            throw FhirErrors.notFound(where, "the reference '" + target + "' matches no entry of the Bundle (by fullUrl or type/id)");
        }
        if (required) {
            throw FhirErrors.notFound(where, "the reference '" + target + "' cannot be resolved: include the resource as contained, "
                    + "or send a Bundle holding it");
        }
        return Optional.empty();
    }
}
