package org.coverageengine.bench;

import java.util.function.LongSupplier;
import org.coverageengine.adapter.batch.OutputDetail;

/**
 * The batch's cost per line against the domain's on the same claims, measured in alternation so that both sides of the
 * ratio see the same host: each round makes one pass of {@link BatchBenchmark}'s claims through the full batch, the
 * compact batch and the domain alone (in a rotating order); the report gives medians over all rounds of the time per
 * line and of the per-round ratio to the domain.
 *
 * <p>Usage: {@code bench/batch.sh [rounds]}; default 60 rounds after 5 seconds of warm-up.
 */
public final class BatchComparison {

    private static long sink;

    private BatchComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        BatchBenchmark bench = new BatchBenchmark();
        bench.detail = "full";
        bench.threads = 1;
        bench.load();
        String[] names = {"batch, full", "batch, compact", "domain"};
        LongSupplier[] variants = {() -> bench.batch(OutputDetail.FULL), () -> bench.batch(OutputDetail.COMPACT), bench::domain};
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (LongSupplier variant : variants) {
                pass(variant);
            }
        }
        double[][] nanos = new double[variants.length][rounds];
        double[][] ratios = new double[variants.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < variants.length; k++) {
                int v = (r + k) % variants.length;
                nanos[v][r] = pass(variants[v]);
            }
            for (int v = 0; v < variants.length; v++) {
                ratios[v][r] = nanos[v][r] / nanos[variants.length - 1][r];
            }
        }
        System.out.printf("%d lines a pass, %d rounds%n", BatchBenchmark.LINES, rounds);
        System.out.printf("%-16s %14s %16s %12s%n", "variant", "us/line (median)", "ratio to domain", "ratio IQR");
        for (int v = 0; v < variants.length; v++) {
            System.out.printf("%-16s %14.2f %16.2f %12s%n", names[v], median(nanos[v]) / 1_000.0, median(ratios[v]),
                    String.format("%.2f-%.2f", quantile(ratios[v], 0.25), quantile(ratios[v], 0.75)));
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** One pass; nanoseconds per line. */
    private static double pass(LongSupplier variant) {
        long start = System.nanoTime();
        long lines = variant.getAsLong();
        sink += lines;
        return (System.nanoTime() - start) / (double) lines;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        return FhirPathComparison.quantile(values, q);
    }
}
