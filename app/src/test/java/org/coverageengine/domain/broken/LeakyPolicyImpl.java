package org.coverageengine.domain.broken;

/** Deliberately broken (test sources only): a domain class that uses HAPI and reads a file, named ...Impl. */
public class LeakyPolicyImpl {

    public Object parse(String text) throws Exception {
        if (text.isEmpty()) {
            throw new Exception("generic");
        }
        java.nio.file.Files.readString(java.nio.file.Path.of(text));
        return ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser().parseResource(text);
    }
}
