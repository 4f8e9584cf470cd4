package org.coverageengine.domain.code;

/** Thrown when text cannot be a code of the given system; the message says why. */
public final class InvalidCodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the given raw input and reason. */
    public InvalidCodeException(String input, String reason) {
        super("'" + input + "' is not a valid code: " + reason);
    }
}
