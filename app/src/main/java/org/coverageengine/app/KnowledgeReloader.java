package org.coverageengine.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.in.ImportKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the packs and code files a server was started with, when any of them changed on disk, and publishes
 * them when they all read cleanly; when any has an error, the knowledge in force stays as it was. Each distinct
 * failure is logged once, on one line; no failure (not even an {@link Error}) ends the reload schedule.
 */
class KnowledgeReloader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final KnowledgePublisher importer;
    private final List<Path> packs;
    private final List<Path> codeFiles;
    private final ReadLimits limits;
    private SourceFingerprint seen;
    private volatile String lastFailure;

    /** A reloader that treats the files as they are now as already loaded. */
    KnowledgeReloader(KnowledgePublisher importer, List<Path> packs, List<Path> codeFiles) {
        this(importer, packs, codeFiles, ReadLimits.DEFAULTS, null);
    }

    /** A reloader for files that were loaded as {@code loaded} describes them (null: as they are now). */
    KnowledgeReloader(KnowledgePublisher importer, List<Path> packs, List<Path> codeFiles, ReadLimits limits, SourceFingerprint loaded) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.packs = List.copyOf(packs);
        this.codeFiles = List.copyOf(codeFiles);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.seen = loaded != null ? loaded : SourceFingerprint.of(this.packs, this.codeFiles, limits.packFileBytes());
    }

    /** The message of the last refused reload, or null when the last reload (or none yet) succeeded. */
    String lastFailure() {
        return lastFailure;
    }

    SourceFingerprint fingerprint() {
        return SourceFingerprint.of(packs, codeFiles, limits.packFileBytes());
    }

    @Override
    public void run() {
        try {
            SourceFingerprint now = fingerprint();
            if (now.equals(seen)) {
                return;
            }
            // Remembered before reading: a file that fails stays refused, without a new log line, until it changes.
            seen = now;
            ImportKnowledge.ImportSummary summary = importer.replaceWith(CoverageEngine.sources(packs, codeFiles, ProgressListener.NONE, limits));
            lastFailure = null;
            LOG.info("Reloaded knowledge {}", summary.version());
        } catch (ImportException e) {
            failed("Reload refused, keeping the knowledge in force: " + String.join("; ", ImportErrorReport.lines(e)));
        } catch (Throwable e) {
            // Even an OutOfMemoryError from a huge file must not end the schedule: the knowledge in force stays valid.
            failed("Reload failed, keeping the knowledge in force: " + e.getClass().getSimpleName());
        }
    }

    private void failed(String message) {
        if (!message.equals(lastFailure)) {
            LOG.warn(message);
            lastFailure = message;
        }
    }
}
