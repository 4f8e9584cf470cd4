package org.coverageengine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.CsvPolicyPack;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.engine.KnowledgePublisher;
import org.coverageengine.domain.port.out.Knowledge;
import org.coverageengine.adapter.memory.InMemoryKnowledgeDraft;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.KnowledgeSource;

/** The knowledge the benchmarks run on: the embedded packs plus the full ICD-10-CM FY2025 catalog, optionally scaled up. */
final class BenchmarkKnowledge {

    private BenchmarkKnowledge() {
    }

    static Path external(String relative) {
        String shared = System.getProperty("cpe.shared.dir", System.getenv().getOrDefault("CPE_SHARED_DIR", "../shared"));
        Path file = Paths.get(shared, "data", "external", relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark data absent: " + file.toAbsolutePath() + " (set -Dcpe.shared.dir=/path/to/shared)");
        }
        return file;
    }

    /** The embedded packs and the full ICD-10-CM order file. */
    static Knowledge withFullIcd() {
        List<KnowledgeSource> sources = CsvPolicyPack.embeddedWith(
                CodeFile.read(external("icd10cm-fy2025/icd10cm-order-2025.txt"), ProgressListener.NONE));
        return KnowledgePublisher.assemble(new InMemoryKnowledgeStore(), sources, 1);
    }

    /**
     * The same, with every code list of policy 0509 made {@code scale} times longer by synthetic codes that no
     * request uses (HCPCS Q- and K-codes, ICD-10-CM Y-codes), so only the tables' size changes.
     */
    static Knowledge scaled(int scale) {
        Knowledge base = withFullIcd();
        if (scale == 1) {
            return base;
        }
        InMemoryKnowledgeDraft builder = new InMemoryKnowledgeStore().draftFrom(base);
        Policy policy = base.policies().latest("0509").orElseThrow();
        Map<String, CodeGroup> groups = new LinkedHashMap<>();
        int[] counter = {0};
        policy.groups().forEach((name, group) -> {
            Map<Code, DateRange> members = new LinkedHashMap<>(group.members());
            boolean diagnoses = group.members().keySet().stream().anyMatch(c -> c.system() == CodeSystem.ICD10CM);
            for (int i = 0; i < group.size() * (scale - 1); i++) {
                int n = counter[0]++;
                Code synthetic = diagnoses
                        ? Code.icd10cm(String.format("Y%02d.%04d", n / 10_000 % 100, n % 10_000))
                        : Code.hcpcs(String.format("%c%04d", n < 10_000 ? 'Q' : 'K', n % 10_000));
                members.put(synthetic, new DateRange(LocalDate.of(2024, 1, 1), null));
            }
            groups.put(name, new CodeGroup(name, group.title(), group.section(), members, group.patterns()));
        });
        builder.addPolicy(new Policy(policy.number(), policy.title(), policy.payer(), policy.effectiveDate(), policy.nextReviewDate(),
                policy.url(), policy.governs(), policy.referrals(), policy.ancillaryGroups(), policy.relatedPolicies(), policy.revisions(),
                groups, policy.criteriaSets(), new ArrayList<>(policy.statements())));
        return builder.seal("scaled x" + scale);
    }
}
