package org.coverageengine.adapter.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coverageengine.adapter.csv.PackCompiler.CompiledPack;
import org.coverageengine.domain.authoring.PackTestCase;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.CodePatternFacts;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.KnowledgeSink;
import org.coverageengine.domain.port.out.KnowledgeSource;

/**
 * A policy pack: a folder of CSV files describing catalog entries, policies, code groups, statements and
 * criteria. The whole pack is read ({@link PackReader}), checked ({@link PackValidator}) and compiled
 * ({@link PackCompiler}) before anything reaches the sink; a bad pack stops the import with every problem found,
 * each with file, line, column and reason. Documented in docs/policy-pack.md.
 */
public final class CsvPolicyPack implements KnowledgeSource {

    /** The classpath folder of the embedded pack of policy 0509 (intraoperative neurophysiologic monitoring). */
    public static final String POLICY_0509_PACK = "coverage-packs/policy-0509";
    /** The classpath folder of the embedded pack of HCPCS S-code facts and non-surgical spinal decompression. */
    public static final String S_CODES_PACK = "coverage-packs/s-codes";
    /** The classpath folders of the embedded packs, in the order they are loaded. */
    public static final List<String> EMBEDDED_PACKS = List.of(POLICY_0509_PACK, S_CODES_PACK);

    private final PackFiles files;
    private final CompiledPack contents;
    private final List<PackTestCase> tests;

    private CsvPolicyPack(PackFiles files) {
        this.files = files;
        PackTables tables = PackReader.read(files);
        CheckedPack checked = PackValidator.check(tables);
        PackTestFile.Read read = tables.manifest().isEmpty() ? PackTestFile.read(tables.tests())
                : new PackTestFile.Read(List.of(), List.of());
        if (!checked.problems().isEmpty() || !read.problems().isEmpty()) {
            List<ImportProblem> all = new java.util.ArrayList<>(checked.problems());
            all.addAll(read.problems());
            throw new ImportException(files.location(), all);
        }
        this.contents = PackCompiler.compile(checked);
        this.tests = read.cases();
    }

    /** Reads and checks a pack folder on disk; throws {@link ImportException} listing every problem found. */
    public static CsvPolicyPack fromDirectory(Path folder) {
        return fromDirectory(folder, ReadLimits.DEFAULTS);
    }

    /** Reads and checks a pack folder on disk, refusing any file larger than the limit. */
    public static CsvPolicyPack fromDirectory(Path folder, ReadLimits limits) {
        if (!Files.isDirectory(folder)) {
            throw new ImportException(folder.toString(), 0, 0, "not a folder: a policy pack is a folder of CSV files (see docs/policy-pack.md)");
        }
        return new CsvPolicyPack(PackFiles.directory(folder, limits));
    }

    /** Reads a pack held in memory (file name to bytes), e.g. one uploaded by a policy author. */
    public static CsvPolicyPack fromFiles(String location, Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return new CsvPolicyPack(new PackFiles() {
            // Not shipped: validated like any folder.
            @Override
            public Optional<byte[]> read(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String location() {
                return location;
            }
        });
    }

    /** The files of one embedded pack ({@link #EMBEDDED_PACKS}), by name (a starting point for a new pack). */
    public static Map<String, byte[]> embeddedPackFiles(String classpathFolder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        PackFiles classpath = PackFiles.classpath(classpathFolder);
        for (String name : PackReader.FILES) {
            classpath.read(name).ifPresent(bytes -> files.put(name, bytes));
        }
        return files;
    }

    /** Reads the embedded packs: policy 0509, then the S-code facts and spinal decompression rules. */
    public static List<CsvPolicyPack> embedded() {
        return EMBEDDED_PACKS.stream().map(folder -> new CsvPolicyPack(PackFiles.classpath(folder))).toList();
    }

    /** The embedded packs followed by the given sources, the order in which knowledge is assembled. */
    public static List<KnowledgeSource> embeddedWith(KnowledgeSource... more) {
        List<KnowledgeSource> sources = new java.util.ArrayList<>(embedded());
        sources.addAll(List.of(more));
        return sources;
    }

    /**
     * Builds the row validator (Hibernate Validator's bootstrap takes a few hundred milliseconds) on another
     * thread, so that a process can start other work meanwhile.
     */
    public static Thread warmUpInBackground() {
        Thread thread = new Thread(RowBinding::warmUp, "csv-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** True when the folder looks like a policy pack (it has a pack.csv). */
    public static boolean isPack(Path folder) {
        return Files.isDirectory(folder) && Files.isRegularFile(folder.resolve(PackReader.PACK));
    }

    @Override
    public String describe() {
        return "pack " + contents.packId() + " " + contents.version();
    }

    /** The pack's id. */
    public String id() {
        return contents.packId();
    }

    /** The pack's version. */
    public String version() {
        return contents.version();
    }

    /** The policies the pack defines. */
    public List<Policy> policies() {
        return contents.policies();
    }

    /** The test cases the pack carries in tests.csv (none when it has no such file). */
    public List<PackTestCase> tests() {
        return tests;
    }

    /** The catalog entries the pack defines (from codes.csv and the group code descriptions). */
    public List<CodeEntry> codes() {
        return contents.codes();
    }

    /** The catalog facts the pack states for patterns of codes (codes.csv rows such as {@code HCPCS,S*}). */
    public List<CodePatternFacts> patternFacts() {
        return contents.patternFacts();
    }

    /** Where the pack was read from. */
    public String location() {
        return files.location();
    }

    @Override
    public void contributeTo(KnowledgeSink sink) {
        contents.codes().forEach(sink::addCode);
        contents.patternFacts().forEach(sink::addCodeFacts);
        contents.policies().forEach(sink::addPolicy);
    }
}
