package org.coverageengine.domain.port.out;

/**
 * A source of coverage knowledge: a policy pack, or an official code set file. Reading it either completes
 * or throws; the import use case discards everything a failed source wrote.
 */
public interface KnowledgeSource {

    /** A short name for messages and version labels, e.g. "pack default-0509 1.0" or "icd10cm-order-2025.txt". */
    String describe();

    /** Reads the source into the sink; throws an unchecked exception naming what and where on bad input. */
    void contributeTo(KnowledgeSink sink);
}
