package org.coverageengine.domain.port.out;

import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.code.CompletenessDeclaration;
import org.coverageengine.domain.edit.EditTableId;
import org.coverageengine.domain.edit.MueEdit;
import org.coverageengine.domain.edit.PtpEdit;
import org.coverageengine.domain.policy.Policy;

/** Where a source puts what it reads: catalog entries, facts for patterns of codes, completeness declarations, policies and NCCI edit tables. */
public interface KnowledgeSink {

    /** Adds (or merges) a catalog entry. */
    KnowledgeSink addCode(CodeEntry entry);

    /** States catalog facts for every code of a pattern (applied to the entries that state none of their own). */
    KnowledgeSink addCodeFacts(CodePatternFacts facts);

    /** Declares that a complete official code set was loaded for a period. */
    KnowledgeSink declareComplete(CompletenessDeclaration declaration);

    /** Adds a policy version. */
    KnowledgeSink addPolicy(Policy policy);

    /**
     * Starts (or continues, when a table of the same kind, programme, setting and quarter was started from another file)
     * an NCCI PTP table; its rows are written to the returned rows.
     */
    EditRows<PtpEdit> addPtpTable(EditTableId table);

    /** Starts (or continues) an NCCI MUE table; its rows are written to the returned rows, a later row of a code replacing an earlier one. */
    EditRows<MueEdit> addMueTable(EditTableId table);
}
