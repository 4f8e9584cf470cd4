package org.coverageengine.domain.port.out;

import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.policy.Policy;

/** Where a source puts what it reads: catalog entries, completeness declarations and policies. */
public interface KnowledgeSink {

    /** Adds (or merges) a catalog entry. */
    KnowledgeSink addCode(CodeEntry entry);

    /** Declares that a complete official code set was loaded for a period. */
    KnowledgeSink declareComplete(CompletenessDeclaration declaration);

    /** Adds a policy version. */
    KnowledgeSink addPolicy(Policy policy);
}
