package org.coverageengine.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark job's throughput on {@code local[2]} for docs/performance.md: runs only when {@code -Dcpe.spark.input=FILE}
 * names a claims file (e.g. one from generate-claims), and prints lines per second and the CPU time the run took (the
 * comparable figure on a shared host).
 */
class SparkThroughput {

    @Test
    void linesPerSecond() throws Exception {
        String input = System.getProperty("cpe.spark.input");
        assumeTrue(input != null, "set -Dcpe.spark.input=FILE to measure");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-throughput").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path out = Files.createTempDirectory("spark-throughput");
        try {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            SparkBatchJob.Result result = SparkBatchJob.run(spark, input, out.resolve("rows").toString(), "parquet", List.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Spark local[2]: %d lines in %.1f s, %.0f lines/s, %.1f s of CPU (session already started)%n", result.rows(),
                    seconds, result.rows() / seconds, (os.getProcessCpuTime() - cpu) / 1e9);
        } finally {
            spark.stop();
        }
    }
}
