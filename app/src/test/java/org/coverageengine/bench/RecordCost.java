package org.coverageengine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coverageengine.domain.record.DeterminationQuery;

/**
 * What the determination record costs in CPU per kept answer, on H2: the callers' own time (rows, bytes, id check,
 * journal write) and the loader thread's (inserting into H2 and committing), over rounds of THREADS x PER keeps of the
 * {@link RecordBenchmark} answer, each round ending once everything is loaded. Thread CPU time, so other work on the
 * host weighs less than on a throughput figure.
 *   java -cp "$(bench/classpath.sh)" [-Dcpe.bench.responseBytes=3000] org.coverageengine.bench.RecordCost 16 2000 10
 */
public final class RecordCost {

    private RecordCost() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int per = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        RecordBenchmark bench = new RecordBenchmark();
        bench.ids = "time-ordered";
        bench.prefill = 20_000;
        bench.patients = 1;
        bench.open();
        ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        long loader = -1;
        for (ThreadInfo thread : threadsBean.dumpAllThreads(false, false)) {
            if (thread.getThreadName().equals("record-loader")) {
                loader = thread.getThreadId();
            }
        }
        if (loader < 0) {
            throw new IllegalStateException("no record-loader thread: is the store H2?");
        }
        for (int round = 0; round < rounds; round++) {
            long loaderBefore = threadsBean.getThreadCpuTime(loader);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> callers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                callers.add(pool.submit(() -> {
                    long before = threadsBean.getCurrentThreadCpuTime();
                    for (int k = 0; k < per; k++) {
                        bench.keepOne();
                    }
                    return threadsBean.getCurrentThreadCpuTime() - before;
                }));
            }
            long callerCpu = 0;
            for (Future<Long> caller : callers) {
                callerCpu += caller.get();
            }
            pool.shutdown();
            bench.record.search(DeterminationQuery.all(1));
            long elapsed = System.nanoTime() - start;
            long keeps = (long) threads * per;
            System.out.printf("round %d: %,d keeps, callers %.1f us CPU/keep, loader %.1f us CPU/keep, %,.0f keeps/s until loaded%n",
                    round, keeps, callerCpu / 1_000.0 / keeps, (threadsBean.getThreadCpuTime(loader) - loaderBefore) / 1_000.0 / keeps,
                    keeps / (elapsed / 1e9));
        }
        bench.close();
    }
}
