package org.coverageengine.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.coverageengine.adapter.csv.CodeFile;
import org.coverageengine.adapter.csv.ProgressListener;
import org.coverageengine.adapter.fhir.CoverageFhirServer;
import org.coverageengine.adapter.fhir.FhirExchange;
import org.coverageengine.adapter.fhir.FhirSettings;
import org.coverageengine.adapter.memory.InMemoryKnowledgeDraft;
import org.coverageengine.adapter.memory.InMemoryKnowledgeStore;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.edit.EditApplication;
import org.coverageengine.domain.edit.EditSetting;
import org.coverageengine.domain.engine.CoverageDeterminer;
import org.coverageengine.domain.engine.PolicyDirectory;
import org.coverageengine.domain.port.out.Knowledge;

/**
 * NCCI at full size, in one run: generates a synthetic PTP file of a million rows (CMS layout), imports it (rows/s,
 * heap the table retains), then measures the FHIR path with the table loaded and applied (to the commercial requests
 * of the other benchmarks, as a deployment applying Medicare tables to commercial plans would) against without, in
 * alternating slices so both sides see the same host.
 *
 * <p>Usage: {@code bench/ncci.sh [rows] [rounds] [slice ms] [sizes]}; defaults 1,000,000 rows, 100 rounds of 40 ms,
 * sizes 1,5,50.
 */
public final class NcciBenchmark {

    private static long sink;

    private NcciBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long sliceNanos = (args.length > 2 ? Long.parseLong(args[2]) : 40) * 1_000_000L;
        String sizes = args.length > 3 ? args[3] : "1,5,50";

        Path dir = Files.createTempDirectory("ncci-bench");
        Path file = dir.resolve("ccipra-v322r0-f1.txt");
        NcciPtpGenerator.write(file, rows);
        Knowledge without = BenchmarkKnowledge.withFullIcd();

        long before = usedAfterGc();
        long start = System.nanoTime();
        CodeFile ptp = CodeFile.read(file, ProgressListener.NONE);
        InMemoryKnowledgeDraft draft = new InMemoryKnowledgeStore().draftFrom(without);
        ptp.contributeTo(draft);
        Knowledge with = draft.seal("with NCCI");
        double seconds = (System.nanoTime() - start) / 1e9;
        ptp = null;
        draft = null;
        long after = usedAfterGc();
        System.out.printf("PTP file: %,d rows, %.1f MiB%n", rows, Files.size(file) / 1024.0 / 1024.0);
        System.out.printf("import (read, check, build the compact table): %.2f s, %,.0f rows/s%n", seconds, rows / seconds);
        System.out.printf("heap retained by the table (after GC, beside the catalog it shares): %.1f MiB (%.1f bytes/row)%n",
                (after - before) / 1024.0 / 1024.0, (after - before) / (double) rows);
        Files.delete(file);
        Files.delete(dir);

        EditApplication applied = new EditApplication(EditSetting.PRACTITIONER, Set.of(LineOfBusiness.COMMERCIAL));
        FhirContext context = CoverageFhirServer.fhirContext();
        IParser parser = context.newJsonParser();
        FhirExchange plain = new FhirExchange(context, FhirSettings.DEFAULTS, new CoverageDeterminer(() -> without, Clock.systemUTC()),
                new PolicyDirectory(() -> without));
        FhirExchange edited = new FhirExchange(context, FhirSettings.DEFAULTS, new CoverageDeterminer(() -> with, Clock.systemUTC(), applied),
                new PolicyDirectory(() -> with));
        System.out.printf("%-6s %14s %14s %12s %12s%n", "lines", "without (us)", "with (us)", "with/without", "IQR");
        for (String size : sizes.split(",")) {
            List<List<String>> mix = BenchmarkRequests.ofSize(Integer.parseInt(size.trim()));
            String[] bodies = mix.stream().map(BenchmarkRequests::fhirJson).toArray(String[]::new);
            Runnable[] variants = {() -> exchange(plain, parser, bodies), () -> exchange(edited, parser, bodies)};
            for (int warm = 0; warm < 3_000_000_000L / sliceNanos / 2; warm++) {
                slice(variants[0], sliceNanos);
                slice(variants[1], sliceNanos);
            }
            double[][] micros = new double[2][rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                int first = r % 2;
                micros[first][r] = slice(variants[first], sliceNanos);
                micros[1 - first][r] = slice(variants[1 - first], sliceNanos);
                ratio[r] = micros[1][r] / micros[0][r];
            }
            System.out.printf("%-6s %14.1f %14.1f %12.3f %12s%n", size, quantile(micros[0], 0.5), quantile(micros[1], 0.5), quantile(ratio, 0.5),
                    String.format("%.3f-%.3f", quantile(ratio, 0.25), quantile(ratio, 0.75)));
        }
        if (sink == 42) {
            System.out.println(with.version());
        }
    }

    private static int next;

    private static void exchange(FhirExchange exchange, IParser parser, String[] bodies) {
        next = next + 1 >= bodies.length ? 0 : next + 1;
        sink += parser.encodeResourceToString(exchange.answer(bodies[next], EncodingEnum.JSON)).length();
    }

    private static double slice(Runnable variant, long sliceNanos) {
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        int operations = 0;
        long now;
        do {
            variant.run();
            operations++;
            now = System.nanoTime();
        } while (now < deadline);
        return (now - start) / 1_000.0 / operations;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
