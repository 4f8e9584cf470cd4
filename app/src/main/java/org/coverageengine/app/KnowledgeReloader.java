package org.coverageengine.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.coverageengine.adapter.csv.ImportException;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.in.ImportKnowledge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the packs and code files a server was started with and publishes them when they all read cleanly; when
 * any has an error, the knowledge in force stays as it was and the error (file, line, column) is logged.
 */
final class KnowledgeReloader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final KnowledgePublisher importer;
    private final List<Path> packs;
    private final List<Path> codeFiles;

    KnowledgeReloader(KnowledgePublisher importer, List<Path> packs, List<Path> codeFiles) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.packs = List.copyOf(packs);
        this.codeFiles = List.copyOf(codeFiles);
    }

    @Override
    public void run() {
        try {
            ImportKnowledge.ImportSummary summary = importer.replaceWith(CoverageEngine.sources(packs, codeFiles, ProgressListener.NONE));
            LOG.info("Reloaded knowledge {}", summary.version());
        } catch (ImportException e) {
            LOG.warn("Reload refused, keeping the knowledge in force: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Reload failed unexpectedly, keeping the knowledge in force", e);
        }
    }
}
