package org.coverageengine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.coverageengine.adapter.batch.BatchRun;
import org.coverageengine.adapter.batch.BulkDataClaims;
import org.coverageengine.adapter.batch.Claim;
import org.coverageengine.adapter.batch.ClaimAssembler;
import org.coverageengine.adapter.batch.ClaimLine;
import org.coverageengine.adapter.batch.ClaimLineSource;
import org.coverageengine.adapter.batch.CoverageTypeMapping;
import org.coverageengine.adapter.batch.CsvClaimReader;
import org.coverageengine.adapter.batch.DeterminationRow;
import org.coverageengine.adapter.batch.ReadResult;
import org.coverageengine.adapter.batch.RecordError;
import scala.Tuple2;

/**
 * Batch determinations on Spark: reads a CSV claims file or a FHIR bulk-data folder from any path Spark reads, gathers
 * each claim's lines, decides them on the executors with knowledge built once per executor from the pack files the
 * driver broadcasts, and writes the rows (the local batch's columns) as Parquet or NDJSON in input order, the refused
 * records as text beside them.
 */
public final class SparkBatchJob {

    /** The schema of the rows written: the local batch's columns plus the input record, kept for ordering. */
    static final StructType SCHEMA = new StructType()
            .add("claim_id", DataTypes.StringType, false)
            .add("line", DataTypes.IntegerType, false)
            .add("date_of_service", DataTypes.StringType, false)
            .add("line_of_business", DataTypes.StringType, false)
            .add("code", DataTypes.StringType, false)
            .add("outcome", DataTypes.StringType, false)
            .add("requested_units", DataTypes.IntegerType, false)
            .add("allowed_units", DataTypes.IntegerType, true)
            .add("prior_authorization", DataTypes.BooleanType, false)
            .add("criteria", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("citations", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("reasons", DataTypes.StringType, false)
            .add("notices", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("record", DataTypes.LongType, false);

    private SparkBatchJob() {
    }

    /** What the job did: rows written and records refused. */
    public record Result(long rows, long errors) {
    }

    /**
     * {@code --in PATH --out PATH [--format parquet|ndjson] [--pack DIR]...}: runs the job on the session spark-submit
     * gives; exit 0 when every record was answered, 3 when some were refused, 2 on a usage error.
     */
    public static void main(String[] args) {
        String in = null;
        String out = null;
        String format = "parquet";
        List<Path> packs = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--in" -> in = args[i + 1];
                case "--out" -> out = args[i + 1];
                case "--format" -> format = args[i + 1];
                case "--pack" -> packs.add(Path.of(args[i + 1]));
                default -> usage("unknown option " + args[i]);
            }
        }
        if (in == null || out == null || args.length % 2 != 0) {
            usage("--in and --out are required");
        }
        SparkSession spark = SparkSession.builder().appName("coverage-batch").getOrCreate();
        try {
            Result result = run(spark, in, out, format, packs);
            System.out.println(result.rows() + " lines answered, " + result.errors() + " records refused"
                    + (result.errors() > 0 ? " (listed in " + out + "-errors)" : ""));
            spark.stop();
            System.exit(result.errors() > 0 ? 3 : 0);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: SparkBatchJob --in PATH --out PATH [--format parquet|ndjson] [--pack DIR]...");
        System.exit(2);
    }

    /** Runs the job: reads {@code in}, writes the rows to {@code out} and the refused records to {@code out + "-errors"}. */
    public static Result run(SparkSession spark, String in, String out, String format, List<Path> packs) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<List<Map<String, byte[]>>> packFiles = context.broadcast(readPacks(packs));
        boolean bulk = isBulkData(spark, in);
        JavaRDD<String> text = lines(spark, bulk ? in + "/Claim.ndjson" : in);
        JavaRDD<ReadResult> records = bulk ? bulkData(spark, context, in, text) : csv(in, text);

        long broadcastId = packFiles.id();
        String source = bulk ? "Claim.ndjson" : fileName(in);
        JavaRDD<BatchRun.Answer> answers = records.filter(ReadResult::ok)
                .mapToPair(r -> new Tuple2<>(r.line().claimId(), r.line()))
                .groupByKey()
                .flatMap(claim -> decide(claim._2(), source, ExecutorEngine.forBroadcast(broadcastId, packFiles.value())))
                .cache();
        JavaRDD<RecordError> errors = records.filter(r -> !r.ok()).map(ReadResult::error)
                .union(answers.flatMap(a -> a.errors().iterator()));

        Dataset<Row> rows = spark.createDataFrame(answers.flatMap(a -> a.rows().iterator()).map(SparkBatchJob::row), SCHEMA)
                .orderBy("record", "line").drop("record");
        if ("ndjson".equalsIgnoreCase(format) || "json".equalsIgnoreCase(format)) {
            rows.write().mode(SaveMode.Overwrite).option("ignoreNullFields", "false").json(out);
        } else if ("parquet".equalsIgnoreCase(format)) {
            rows.write().mode(SaveMode.Overwrite).parquet(out);
        } else {
            throw new IllegalArgumentException("unknown format '" + format + "' (expected parquet or ndjson)");
        }
        long refused = errors.count();
        spark.createDataset(errors.sortBy(RecordError::line, true, 1).map(RecordError::describe).rdd(),
                org.apache.spark.sql.Encoders.STRING()).write().mode(SaveMode.Overwrite).text(out + "-errors");
        long written = spark.read().format("ndjson".equalsIgnoreCase(format) || "json".equalsIgnoreCase(format) ? "json" : "parquet")
                .load(out).count();
        answers.unpersist();
        text.unpersist();
        return new Result(written, refused);
    }

    /** A claim's lines, gathered from wherever they were, in input order, checked and decided as the local batch does. */
    private static Iterator<BatchRun.Answer> decide(Iterable<ClaimLine> gathered, String name, BatchRun run) {
        List<ClaimLine> lines = new ArrayList<>();
        gathered.forEach(lines::add);
        lines.sort(java.util.Comparator.comparingLong(ClaimLine::record));
        Iterator<ClaimLine> each = lines.iterator();
        ClaimLineSource source = new ClaimLineSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean hasNext() {
                return each.hasNext();
            }

            @Override
            public ReadResult next() {
                return ReadResult.of(each.next());
            }

            @Override
            public void close() {
            }
        };
        List<BatchRun.Answer> answers = new ArrayList<>(1);
        ClaimAssembler claims = new ClaimAssembler(source);
        while (claims.hasNext()) {
            Claim claim = claims.next();
            answers.add(run.answer(claim, name));
        }
        return answers.iterator();
    }

    private static Row row(DeterminationRow r) {
        return RowFactory.create(r.claimId(), r.line(), r.dateOfService(), r.lineOfBusiness(), r.code(), r.outcome(), r.requestedUnits(),
                r.allowedUnits(), r.priorAuthorization(), r.criteria().toArray(String[]::new), r.citations().toArray(String[]::new),
                r.reasons(), r.notices().toArray(String[]::new), r.record());
    }

    /**
     * The input's lines, kept (serialized, spilling to disk) once read: numbering them takes a pass of its own, and the
     * header, the determinations and the refused records each take another; all of them then read the kept lines, so
     * the input itself is read once.
     */
    private static JavaRDD<String> lines(SparkSession spark, String path) {
        return spark.read().text(path).javaRDD().map(row -> row.getString(0)).persist(StorageLevel.MEMORY_AND_DISK_SER());
    }

    private static JavaRDD<ReadResult> csv(String in, JavaRDD<String> lines) {
        JavaPairRDD<String, Long> numbered = lines.zipWithIndex();
        String header = lines.first();
        CsvClaimReader.LineParser parser = CsvClaimReader.lineParser(fileName(in), List.of(header.split(",", -1)));
        return numbered.filter(t -> t._2() > 0L && !t._1().isBlank()).map(t -> parser.parse(t._1(), t._2() + 1));
    }

    private static JavaRDD<ReadResult> bulkData(SparkSession spark, JavaSparkContext context, String in, JavaRDD<String> claims) {
        BulkDataClaims resources = BulkDataClaims.indexing(textIfPresent(spark, in + "/Coverage.ndjson"),
                textIfPresent(spark, in + "/Patient.ndjson"), CoverageTypeMapping.PAYMENT_TYPOLOGY);
        Broadcast<BulkDataClaims> shared = context.broadcast(resources);
        return claims.zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .flatMap(t -> shared.value().readClaim(t._1(), t._2() + 1).iterator());
    }

    private static List<String> textIfPresent(SparkSession spark, String path) {
        return exists(spark, path) ? spark.read().text(path).javaRDD().map(row -> row.getString(0)).collect() : List.of();
    }

    private static boolean isBulkData(SparkSession spark, String in) {
        return exists(spark, in + "/Claim.ndjson");
    }

    private static boolean exists(SparkSession spark, String path) {
        try {
            org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(path);
            FileSystem fs = hadoopPath.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(hadoopPath);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Each pack folder's files, read on the driver; the executors build knowledge from these bytes. */
    static List<Map<String, byte[]>> readPacks(List<Path> packs) {
        List<Map<String, byte[]>> files = new ArrayList<>();
        for (Path pack : packs) {
            HashMap<String, byte[]> contents = new HashMap<>();
            try (Stream<Path> listed = Files.list(pack)) {
                for (Path file : listed.filter(Files::isRegularFile).toList()) {
                    contents.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(pack + ": cannot be read (" + e.getMessage() + ")", e);
            }
            files.add(contents);
        }
        return files;
    }
}
