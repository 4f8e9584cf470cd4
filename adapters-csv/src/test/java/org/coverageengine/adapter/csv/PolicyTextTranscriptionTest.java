package org.coverageengine.adapter.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeEntry;
import org.coverageengine.domain.code.DateRange;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads policy 0509's own text (seed 003), extracts its code tables with an independent parser, and compares
 * them code by code (and date by date) with the embedded default pack.
 */
class PolicyTextTranscriptionTest {

    /** Sub-headings of the Coding Information and the pack group each feeds; null: a list the pack does not keep. */
    private static final Map<String, String> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put("Continuous Intraoperative Monitoring", "IOM");
        for (String baseline : List.of("Electroencephalogram (EEG)", "Somatosensory Evoked Potential (SSEP)", "Motor Evoked Potential (MEP)",
                "Auditory Brainstem Evoked Potential/Brainstem Auditory Evoked Potential (ABR/BAEP)",
                "Oculomotor, Facial, Trigeminal and Lower Cranial Nerve Monitoring:", "Free-Running Electromyography (EMG)")) {
            HEADINGS.put(baseline, "BASELINE");
        }
        HEADINGS.put("Peripheral Nerve Stimulation (use only one code with IOM codes)", "BASELINE+PNS");
        HEADINGS.put("Visual Evoked Potential (VEP)", "VEP");
        HEADINGS.put("Neuromuscular Blockade Testing (including but not limited to Train of Four testing)", "NMB");
        HEADINGS.put("Surface Electromyography (EMG)", "SEMG");
        HEADINGS.put("Interventional Pain Management", "PAIN");
        HEADINGS.put("Intraoperative neurophysiologic monitoring (IOM), including baseline electrodiagnostic studies", "IOM_AND_BASELINE");
        HEADINGS.put("Lumbar Surgery Below Spinal Column Level L1-L2", "LUMBAR_DX");
        HEADINGS.put("Cervical Spine Surgery", "CERVICAL_DX");
        HEADINGS.put("Cervical, Lumbar and Thoracic procedure codes:", "SPINE");
    }

    private static final Pattern ROW = Pattern.compile("^(\\S+)\\t(.+)$");
    private static final Pattern DATE_NOTE = Pattern.compile("\\(Code (deleted|effective) (\\d\\d)/(\\d\\d)/(\\d{4})\\)");

    record Listed(String code, String description, DateRange dates) {
    }

    static Map<String, Map<String, Listed>> fromText;
    static Policy pack;

    @BeforeAll
    static void extract() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("seeds/003_88d2ad3878755900.txt"), StandardCharsets.UTF_8);
        fromText = new TreeMap<>();
        String group = null;
        boolean inCoding = false;
        Listed previous = null;
        String previousGroup = null;
        for (String line : lines) {
            if (line.equals("Coding Information")) {
                inCoding = true;
                continue;
            }
            if (!inCoding) {
                continue;
            }
            if (line.startsWith("***Current Procedural Terminology")) {
                break;
            }
            if (HEADINGS.containsKey(line.strip())) {
                group = HEADINGS.get(line.strip());
                continue;
            }
            if (line.startsWith("\t") && previous != null) {
                Listed longer = new Listed(previous.code(), previous.description() + " " + line.strip(), previous.dates());
                for (String g : previousGroup.split("\\+")) {
                    fromText.get(g).put(previous.code(), longer);
                }
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (group == null || !row.matches() || row.group(1).endsWith("Codes")) {
                continue;
            }
            String description = row.group(2).strip();
            DateRange dates = DateRange.ALWAYS;
            Matcher note = DATE_NOTE.matcher(description);
            if (note.find()) {
                LocalDate date = LocalDate.of(Integer.parseInt(note.group(4)), Integer.parseInt(note.group(2)), Integer.parseInt(note.group(3)));
                dates = note.group(1).equals("deleted") ? new DateRange(null, date) : DateRange.from(date);
                description = description.substring(0, note.start()).strip();
            }
            previous = new Listed(row.group(1), description, dates);
            previousGroup = group;
            for (String g : group.split("\\+")) {
                fromText.computeIfAbsent(g, k -> new TreeMap<>()).put(row.group(1), previous);
            }
        }
        pack = DefaultPack.KNOWLEDGE.policies().latest("0509").orElseThrow();
    }

    static Stream<Arguments> groupCounts() {
        return Stream.of(Arguments.of("IOM", 3), Arguments.of("BASELINE", 35), Arguments.of("VEP", 1), Arguments.of("NMB", 2),
                Arguments.of("SEMG", 1), Arguments.of("PAIN", 30), Arguments.of("SPINE", 102), Arguments.of("LUMBAR_DX", 530),
                Arguments.of("CERVICAL_DX", 258), Arguments.of("PNS", 10));
    }

    @ParameterizedTest(name = "group {0}: {1} codes in the policy text and in the pack")
    @MethodSource("groupCounts")
    void countsMatchCoverageRules(String group, int count) {
        assertEquals(count, fromText.get(group).size(), "codes the policy text lists under " + group);
        assertEquals(count, pack.groups().get(group).size(), "codes the pack lists under " + group);
    }

    @ParameterizedTest(name = "group {0}: same codes, dates and descriptions")
    @MethodSource("groupCounts")
    void codeByCode(String group) {
        CodeGroup packed = pack.groups().get(group);
        Map<String, Listed> listed = fromText.get(group);
        Map<String, DateRange> packedCodes = new TreeMap<>();
        packed.members().forEach((code, range) -> packedCodes.put(code.value(), range));
        assertEquals(listed.keySet(), packedCodes.keySet(), "the pack lists exactly the policy's codes for " + group);
        for (Listed item : listed.values()) {
            assertEquals(item.dates(), packedCodes.get(item.code()), "dates of " + item.code());
            Code code = packed.members().keySet().stream().filter(c -> c.value().equals(item.code())).findFirst().orElseThrow();
            List<CodeEntry> entries = DefaultPack.KNOWLEDGE.catalog().entries(code);
            assertTrue(entries.stream().anyMatch(e -> item.description().equals(e.longDescription())),
                    "catalog description of " + item.code() + " is the policy's: " + item.description());
        }
    }

    @Test
    @DisplayName("the policy's 'IOM including baseline' list is exactly IOM + BASELINE")
    void noncoveredListIsIomPlusBaseline() {
        java.util.Set<String> union = new java.util.TreeSet<>(fromText.get("IOM").keySet());
        union.addAll(fromText.get("BASELINE").keySet());
        assertEquals(union, fromText.get("IOM_AND_BASELINE").keySet());
    }

    @Test
    @DisplayName("dated codes of coverage-rules.md: M51.36 deleted 2024-09-30, M51.360 and M62.85 effective 2024-10-01")
    void datedCodes() {
        Map<Code, DateRange> lumbar = pack.groups().get("LUMBAR_DX").members();
        assertEquals(LocalDate.of(2024, 9, 30), lumbar.get(Code.icd10cm("M51.36")).end());
        assertEquals(LocalDate.of(2024, 10, 1), lumbar.get(Code.icd10cm("M51.360")).start());
        assertEquals(LocalDate.of(2024, 10, 1), lumbar.get(Code.icd10cm("M62.85")).start());
    }
}
