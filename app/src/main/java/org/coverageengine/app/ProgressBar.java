package org.coverageengine.app;

import java.io.PrintStream;
import org.coverageengine.adapter.csv.ProgressListener;

/** A progress bar on stderr, drawn only when stderr is a terminal. */
final class ProgressBar implements ProgressListener {

    private final PrintStream out;
    private int lastPercent = -1;

    private ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar when the process runs in a terminal, else a listener that prints nothing. */
    static ProgressListener forTerminal() {
        return System.console() != null ? new ProgressBar(System.err) : ProgressListener.NONE;
    }

    @Override
    public void progress(long done, long total) {
        int percent = total <= 0 ? 100 : (int) (done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent / 4;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + percent + "% (" + done + "/" + total + ")");
        if (done >= total) {
            out.print("\r" + " ".repeat(60) + "\r");
            lastPercent = -1;
        }
        out.flush();
    }
}
