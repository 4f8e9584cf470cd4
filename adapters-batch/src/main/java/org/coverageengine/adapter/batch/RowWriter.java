package org.coverageengine.adapter.batch;

import java.io.Closeable;

/** Where a batch writes its determination rows, in the order given. */
public interface RowWriter extends Closeable {

    /** Writes one row. */
    void write(DeterminationRow row);

    @Override
    void close();
}
