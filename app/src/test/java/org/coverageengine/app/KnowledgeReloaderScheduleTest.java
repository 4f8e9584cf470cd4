package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.csv.ReadLimits;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --reload-every re-reads only what changed, and no failure ends the schedule. */
class KnowledgeReloaderScheduleTest {

    @Test
    @DisplayName("an unchanged pack is not republished as a new version every interval")
    void unchangedIsNotRepublished(@TempDir Path dir) throws Exception {
        KnowledgeReloaderTest.writePack(dir, "decide");
        CoverageEngine engine = CoverageEngine.load(List.of(dir), List.of(), ProgressListener.NONE);
        KnowledgeReloader reloader = new KnowledgeReloader(engine.importer, List.of(dir), List.of());
        Knowledge first = engine.knowledge.get();

        reloader.run();
        reloader.run();

        assertThat(engine.knowledge.get()).isSameAs(first);
    }

    @Test
    @DisplayName("a file over the limit is refused and the schedule goes on to publish the next good version")
    void refusedThenPublished(@TempDir Path dir) throws Exception {
        KnowledgeReloaderTest.writePack(dir, "decide");
        CoverageEngine engine = CoverageEngine.load(List.of(dir), List.of(), ProgressListener.NONE);
        KnowledgeReloader reloader = new KnowledgeReloader(engine.importer, List.of(dir), List.of(), new ReadLimits(300, 1000), null);
        Knowledge first = engine.knowledge.get();

        java.nio.file.Files.writeString(dir.resolve("revisions.csv"), "policy,date,type,summary\n" + "R-1,2020-01-01,x,y\n".repeat(40));
        reloader.run();
        assertThat(engine.knowledge.get()).as("a file over the limit changes nothing").isSameAs(first);

        java.nio.file.Files.writeString(dir.resolve("revisions.csv"), "policy,date,type,summary\nR-1,2020-01-01,x,y\n");
        reloader.run();
        assertThat(engine.knowledge.get()).as("the next good version is published").isNotSameAs(first);
    }

    @Test
    @DisplayName("an Error thrown while reading (e.g. OutOfMemoryError) is caught, so the scheduled task keeps running")
    void errorsDoNotEndTheSchedule(@TempDir Path dir) throws Exception {
        KnowledgeReloaderTest.writePack(dir, "decide");
        CoverageEngine engine = CoverageEngine.load(List.of(dir), List.of(), ProgressListener.NONE);
        KnowledgeReloader reloader = new KnowledgeReloader(engine.importer, List.of(dir), List.of()) {
            @Override
            SourceFingerprint fingerprint() {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        reloader.run();
        reloader.run();
        assertThat(engine.knowledge.get().version()).contains("pack reload 1");
    }
}
