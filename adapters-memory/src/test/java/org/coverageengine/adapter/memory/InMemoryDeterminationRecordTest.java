package org.coverageengine.adapter.memory;

import org.coverageengine.domain.port.out.DeterminationRecord;
import org.coverageengine.domain.port.out.DeterminationRecordContract;

/** The in-memory determination record against the record contract. */
class InMemoryDeterminationRecordTest extends DeterminationRecordContract {

    @Override
    protected DeterminationRecord emptyRecord() {
        return new InMemoryDeterminationRecord();
    }
}
