package org.coverageengine.adapter.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coverageengine.domain.code.Code;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.policy.CodeGroup;
import org.coverageengine.domain.policy.CriteriaNode;
import org.coverageengine.domain.policy.Policy;
import org.coverageengine.domain.port.out.Knowledge;

/**
 * Writes realistic claims for tests and benchmarks from the loaded knowledge: procedure and diagnosis codes drawn from
 * the policies' code groups (with a share of common office and surgical codes no policy governs), dates in the two
 * years around the latest policy version, lines of business, modifiers, units, attested criteria and patient facts. The same seed
 * and knowledge give the same file.
 */
public final class ClaimGenerator {

    /** Common codes no loaded policy need govern (office visits, labs, imaging, surgery), for the no-policy share. */
    private static final List<String> EVERYDAY = List.of("99202", "99203", "99213", "99214", "99215", "80053", "85025", "71046",
            "73721", "20610", "27447", "29881", "63030", "36415", "93000", "G0439");
    private static final List<String> EVERYDAY_DIAGNOSES = List.of("I10", "E11.9", "M54.50", "J06.9", "Z00.00", "M17.11", "R51.9");
    private static final List<String> MODIFIERS = List.of("26", "59", "XU", "LT", "RT", "TC", "25");
    private static final String[] LINES_OF_BUSINESS = {"", "", "", "", "", "commercial", "medicare", "medicare", "medicare-advantage",
        "medicaid", "medicaid", "workers-comp", "auto", "self-pay"};
    private static final String[] PLACES = {"11", "11", "11", "22", "21", "24", "19", "81"};

    private final List<String> procedures;
    private final List<String> diagnoses;
    private final List<String> criteria;
    private final LocalDate from;
    private final int days;
    private final SplittableRandom random;

    /** A generator over the codes and criteria of the knowledge's policies, seeded. */
    public ClaimGenerator(Knowledge knowledge, long seed) {
        TreeSet<String> px = new TreeSet<>();
        TreeSet<String> dx = new TreeSet<>();
        TreeSet<String> attestable = new TreeSet<>();
        LocalDate latest = LocalDate.of(2000, 1, 1);
        for (Policy policy : knowledge.policies().all()) {
            latest = policy.effectiveDate().isAfter(latest) ? policy.effectiveDate() : latest;
            for (CodeGroup group : policy.groups().values()) {
                for (Code code : group.members().keySet()) {
                    (code.system().isProcedure() ? px : code.system() == CodeSystem.ICD10CM ? dx : new TreeSet<String>()).add(code.value());
                }
            }
            policy.criteriaSets().values().forEach(node -> leaves(node, attestable));
        }
        this.procedures = List.copyOf(px.isEmpty() ? EVERYDAY : px);
        this.diagnoses = List.copyOf(dx.isEmpty() ? EVERYDAY_DIAGNOSES : dx);
        this.criteria = List.copyOf(attestable);
        // A year either side of the latest policy version, so a revision's before and after both occur.
        this.from = latest.minusYears(1);
        this.days = 730;
        this.random = new SplittableRandom(seed);
    }

    private static void leaves(CriteriaNode node, TreeSet<String> into) {
        if (node.children().isEmpty()) {
            into.add(node.code());
        }
        node.children().forEach(child -> leaves(child, into));
    }

    /** Writes a CSV claims file of exactly {@code lines} lines (claims of one to six lines), header included. */
    public void writeCsv(long lines, OutputStream out) {
        List<String> header = new ArrayList<>(ClaimColumns.REQUIRED);
        header.addAll(ClaimColumns.OPTIONAL);
        try (CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            long written = 0;
            long claim = 0;
            while (written < lines) {
                claim++;
                int size = (int) Math.min(lines - written, 1 + random.nextInt(6));
                writeClaim(csv, "C" + claim, size);
                written += size;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeClaim(CSVPrinter csv, String id, int size) throws IOException {
        LocalDate date = from.plusDays(random.nextInt(Math.max(1, days)));
        String lob = LINES_OF_BUSINESS[random.nextInt(LINES_OF_BUSINESS.length)];
        List<String> claimDiagnoses = new ArrayList<>();
        for (int d = 1 + random.nextInt(3); d > 0; d--) {
            claimDiagnoses.add(random.nextInt(4) == 0 ? pick(EVERYDAY_DIAGNOSES) : pick(diagnoses));
        }
        String attested = !criteria.isEmpty() && random.nextInt(3) == 0 ? pick(criteria) + (random.nextBoolean() ? "|" + pick(criteria) : "") : "";
        LocalDate birth = date.minusDays(365L * (1 + random.nextInt(90)) + random.nextInt(365));
        String sex = random.nextBoolean() ? "female" : "male";
        String place = PLACES[random.nextInt(PLACES.length)];
        String type = random.nextInt(5) == 0 ? "institutional" : "professional";
        for (int line = 1; line <= size; line++) {
            String code = random.nextInt(4) == 0 ? pick(EVERYDAY) : pick(procedures);
            String modifiers = random.nextInt(6) == 0 ? pick(MODIFIERS) : "";
            int units = random.nextInt(5) == 0 ? 2 + random.nextInt(7) : 1;
            String dx = String.join("|", claimDiagnoses.subList(0, 1 + random.nextInt(claimDiagnoses.size())));
            csv.printRecord(id, line, date, lob, code, modifiers, units, dx, attested, birth, sex, place, type);
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
