package org.coverageengine.app;

import java.io.PrintStream;
import org.coverageengine.adapter.batch.BatchRun;

/** A batch's progress on stderr when it is a terminal: share of the input read, lines answered and lines per second. */
final class BatchProgressBar implements BatchRun.Progress {

    private final PrintStream out;

    private BatchProgressBar(PrintStream out) {
        this.out = out;
    }

    static BatchRun.Progress forTerminal() {
        return System.console() != null ? new BatchProgressBar(System.err) : BatchRun.Progress.NONE;
    }

    @Override
    public void progress(long lines, long bytesRead, long bytesTotal, double linesPerSecond) {
        int percent = bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
        int filled = percent / 4;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + percent + "% " + lines + " lines, "
                + Math.round(linesPerSecond) + " lines/s   ");
        if (bytesTotal > 0 && bytesRead >= bytesTotal) {
            out.print("\r" + " ".repeat(79) + "\r");
        }
        out.flush();
    }
}
