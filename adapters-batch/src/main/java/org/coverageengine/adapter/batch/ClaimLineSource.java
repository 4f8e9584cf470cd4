package org.coverageengine.adapter.batch;

import java.io.Closeable;
import java.util.Iterator;

/** A stream of claim lines read from an input, one result per record in input order; nothing is held beyond the record read. */
public interface ClaimLineSource extends Iterator<ReadResult>, Closeable {

    /** The input's name as error reports give it (a file name, not a path). */
    String name();

    /** Bytes read so far and the input's size, for a progress bar (both 0 when unknown). */
    default long[] position() {
        return new long[] {0, 0};
    }

    @Override
    void close();
}
