package org.coverageengine.app;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.port.out.Knowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --reload-every: a clean re-read is published, a broken one is refused and the knowledge in force stays. */
class KnowledgeReloaderTest {

    static void writePack(Path dir, String effect) throws Exception {
        Files.writeString(dir.resolve("pack.csv"), "pack_id,version,title\nreload,1,Reload test\n");
        Files.writeString(dir.resolve("policies.csv"),
                "policy,title,payer,effective,next_review,lines_of_business,ancillary_groups,url,related\nR-1,Reload,P,2020-01-01,,commercial,,,\n");
        Files.writeString(dir.resolve("groups.csv"), "policy,group,title,section,pattern_system,pattern_prefix\nR-1,G,Group,S,,\n");
        Files.writeString(dir.resolve("group_codes.csv"), "policy,group,system,code,effective,termination,description\nR-1,G,CPT,99213,,,Visit\n");
        Files.writeString(dir.resolve("statements.csv"), "policy,order,id,section,line_groups,lines_of_business,when,effect,argument,reason\n"
                + "R-1,10,S1,S,G,,," + effect + ",experimental,Reload test.\n");
    }

    @Test
    void refusesBrokenPacksAndPublishesGoodOnes(@TempDir Path dir) throws Exception {
        writePack(dir, "decide");
        CoverageEngine engine = CoverageEngine.load(List.of(dir), List.of(), ProgressListener.NONE);
        KnowledgeReloader reloader = new KnowledgeReloader(engine.importer, List.of(dir), List.of());
        Knowledge first = engine.knowledge.get();

        writePack(dir, "forbid");
        reloader.run();
        assertSame(first, engine.knowledge.get(), "a broken pack changes nothing");

        writePack(dir, "decide");
        reloader.run();
        assertNotSame(first, engine.knowledge.get(), "a clean re-read is published");
        assertTrue(engine.knowledge.get().version().contains("pack reload 1"), engine.knowledge.get().version());
    }
}
