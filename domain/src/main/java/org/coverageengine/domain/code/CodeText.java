package org.coverageengine.domain.code;

import java.util.Optional;

/**
 * A code as a requester wrote it, not yet validated: the system when they named one, and the raw text.
 * Requests carry codes in this form so that a malformed code becomes an {@code invalid} determination
 * instead of a rejected request.
 */
public record CodeText(CodeSystem system, String text, String unsupportedSystem) {

    /** A code in a known system (or, for procedures, a null system inferred from shape). */
    public CodeText(CodeSystem system, String text) {
        this(system, text, null);
    }

    /** A code from a system the engine does not know; it parses to an error that names the system. */
    public static CodeText inUnsupportedSystem(String systemUri, String text) {
        return new CodeText(null, text, systemUri == null ? "(none)" : systemUri);
    }

    /** A procedure code whose system is inferred from its shape. */
    public static CodeText procedure(String text) {
        return new CodeText(null, text);
    }

    /** A diagnosis code (ICD-10-CM). */
    public static CodeText diagnosis(String text) {
        return new CodeText(CodeSystem.ICD10CM, text);
    }

    /** Parses the text; procedure codes without a system are told apart by shape. */
    public Code parse() {
        if (unsupportedSystem != null) {
            throw new InvalidCodeException(text == null ? "" : text, "its code system " + unsupportedSystem
                    + " is not one the engine knows (CPT " + CodeSystem.CPT.uri() + ", HCPCS " + CodeSystem.HCPCS.uri() + ", ICD-10-CM "
                    + CodeSystem.ICD10CM.uri() + ")");
        }
        return system == null ? Code.procedure(text) : Code.of(system, text);
    }

    /** The parsed code, or empty when the text is malformed. */
    public Optional<Code> tryParse() {
        try {
            return Optional.of(parse());
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text == null ? "" : text.strip();
    }
}
