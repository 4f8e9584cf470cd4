package org.coverageengine.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.engine.CodeLookup;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.knowledge.LoadedKnowledge;
import org.coverageengine.domain.port.in.ImportKnowledge;
import org.coverageengine.domain.port.out.KnowledgeSource;
import org.coverageengine.domain.port.out.KnowledgeStore;

/**
 * The composition root: wires the domain's use cases to the knowledge loaded from the embedded packs plus
 * any packs and code files given, by hand.
 */
final class CoverageEngine {

    final LoadedKnowledge knowledge;
    final KnowledgePublisher importer;
    final CoverageDeterminer determiner;
    final CodeLookup lookup;
    final PolicyDirectory policies;
    final ImportKnowledge.ImportSummary summary;

    private CoverageEngine(List<KnowledgeSource> sources, EditApplication edits) {
        KnowledgeStore store = new InMemoryKnowledgeStore();
        knowledge = new LoadedKnowledge(store.empty());
        importer = new KnowledgePublisher(store, knowledge);
        summary = importer.replaceWith(sources);
        determiner = new CoverageDeterminer(knowledge, Clock.systemDefaultZone(), edits);
        lookup = new CodeLookup(knowledge);
        policies = new PolicyDirectory(knowledge);
    }

    /** The engine over sources already read (e.g. the embedded packs and a pack an author is comparing). */
    static CoverageEngine of(List<KnowledgeSource> sources) {
        return new CoverageEngine(sources, EditApplication.DEFAULT);
    }

    /** Loads the embedded packs, then the packs, then the code files; throws ImportException on the first bad file. */
    static CoverageEngine load(List<Path> packs, List<Path> codeFiles, ProgressListener progress) {
        return load(packs, codeFiles, progress, ReadLimits.DEFAULTS);
    }

    /** Loads as {@link #load(List, List, ProgressListener)} does, refusing files larger than the limits. */
    static CoverageEngine load(List<Path> packs, List<Path> codeFiles, ProgressListener progress, ReadLimits limits) {
        return load(packs, codeFiles, progress, limits, EditApplication.DEFAULT);
    }

    /** Loads as {@link #load(List, List, ProgressListener, ReadLimits)} does, applying the NCCI tables as given. */
    static CoverageEngine load(List<Path> packs, List<Path> codeFiles, ProgressListener progress, ReadLimits limits, EditApplication edits) {
        return new CoverageEngine(sources(packs, codeFiles, progress, limits), edits);
    }

    /** The sources, read and checked, in load order. */
    static List<KnowledgeSource> sources(List<Path> packs, List<Path> codeFiles, ProgressListener progress, ReadLimits limits) {
        List<KnowledgeSource> sources = new ArrayList<>();
        sources.addAll(CsvPolicyPack.embedded());
        for (Path pack : packs) {
            sources.add(CsvPolicyPack.fromDirectory(pack, limits));
        }
        for (Path file : codeFiles) {
            sources.add(CodeFile.read(file, null, progress, limits));
        }
        return sources;
    }
}
