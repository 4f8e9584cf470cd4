package org.coverageengine.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The FHIR path against the HAPI floors, measured in alternation so that both sides of each ratio see the same host.
 * On a shared machine whose speed drifts by 2x from one second to the next, JMH's separate runs of each benchmark
 * give ratios with wide error; here each round runs the full path and both floors for one short slice each (in a
 * rotating order), and the report gives medians over all rounds of the time per exchange and of the per-round ratio.
 *
 * <p>Usage: {@code bench/fhir-path.sh [rounds] [slice ms] [sizes]}; defaults 150 rounds of 40 ms, sizes 1,5,50.
 */
public final class FhirPathComparison {

    private static long sink;

    private FhirPathComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 40) * 1_000_000L;
        String sizes = args.length > 2 ? args[2] : "1,5,50";
        System.out.printf("%-6s %12s %12s %14s %12s %12s %14s%n", "lines", "full path", "HAPI floor", "floor (server", "floor/full",
                "IQR", "server floor/");
        System.out.printf("%-6s %12s %12s %14s %12s %12s %14s%n", "", "(us)", "(us)", "options, us)", "(median)", "", "full (median)");
        for (String size : sizes.split(",")) {
            FhirPathBenchmark bench = new FhirPathBenchmark();
            bench.lines = Integer.parseInt(size.trim());
            bench.load();
            @SuppressWarnings("unchecked")
            Supplier<String>[] variants = new Supplier[] {bench::fullPath, bench::hapiFloor, bench::hapiFloorServerOptions};
            for (int warm = 0; warm < 3_000_000_000L / sliceNanos / variants.length; warm++) {
                for (Supplier<String> variant : variants) {
                    slice(variant, sliceNanos);
                }
            }
            double[][] micros = new double[variants.length][rounds];
            double[] floorRatio = new double[rounds];
            double[] serverFloorRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < variants.length; k++) {
                    int v = (r + k) % variants.length;
                    micros[v][r] = slice(variants[v], sliceNanos);
                }
                floorRatio[r] = micros[1][r] / micros[0][r];
                serverFloorRatio[r] = micros[2][r] / micros[0][r];
            }
            System.out.printf("%-6s %12.1f %12.1f %14.1f %12.2f %12s %14.2f%n", size, median(micros[0]), median(micros[1]),
                    median(micros[2]), median(floorRatio), String.format("%.2f-%.2f", quantile(floorRatio, 0.25), quantile(floorRatio, 0.75)),
                    median(serverFloorRatio));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** Runs one variant for a slice of time; returns microseconds per exchange. */
    private static double slice(Supplier<String> variant, long sliceNanos) {
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        int operations = 0;
        long now;
        do {
            sink += variant.get().length();
            operations++;
            now = System.nanoTime();
        } while (now < deadline);
        return (now - start) / 1_000.0 / operations;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The value at quantile {@code q} (0 to 1) of the values, nearest rank. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
