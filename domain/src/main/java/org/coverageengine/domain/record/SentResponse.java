package org.coverageengine.domain.record;

import java.util.Arrays;
import java.util.Objects;

/** The answer exactly as sent on the wire: its bytes and media type (e.g. {@code application/fhir+json}). */
public final class SentResponse {

    private final byte[] body;
    private final String mediaType;

    /** Copies the bytes, so the record cannot change after the answer was sent. */
    public SentResponse(byte[] body, String mediaType) {
        this.body = Objects.requireNonNull(body, "body").clone();
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    }

    /** A copy of the bytes as sent. */
    public byte[] body() {
        return body.clone();
    }

    /** The media type the bytes were sent with. */
    public String mediaType() {
        return mediaType;
    }

    /** The number of bytes sent. */
    public int length() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SentResponse that && mediaType.equals(that.mediaType) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "SentResponse[" + mediaType + ", " + body.length + " bytes]";
    }
}
