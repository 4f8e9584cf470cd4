package org.coverageengine.domain.port.out;

/**
 * A snapshot of knowledge being assembled: sources write into it, then it is sealed once into an immutable
 * {@link Knowledge}. A draft that is never sealed is simply dropped, which keeps every import all-or-nothing.
 */
public interface KnowledgeDraft extends KnowledgeSink {

    /** Seals what was written into an immutable snapshot under the version label; the draft is not used afterwards. */
    Knowledge seal(String version);
}
