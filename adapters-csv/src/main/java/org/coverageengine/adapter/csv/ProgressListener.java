package org.coverageengine.adapter.csv;

/** Told how far a long import has come, e.g. to draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /** Called now and then with the records read so far and the total expected. */
    void progress(long done, long total);
}
