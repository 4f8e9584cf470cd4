package org.coverageengine.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.coverageengine.domain.code.CodeSystem;
import org.coverageengine.domain.code.CodeText;
import org.coverageengine.domain.determination.CoverageRequest;
import org.coverageengine.domain.determination.LineOfBusiness;
import org.coverageengine.domain.determination.RequestedLine;

/**
 * The request mix the benchmarks use: the worked examples and lines drawn from every group of policy 0509, as
 * domain requests and as FHIR JSON, in sizes of 1, 5 and 50 lines.
 */
public final class BenchmarkRequests {

    static final LocalDate DOS = LocalDate.of(2025, 3, 10);

    /** 1-line requests: one per outcome family. */
    static final List<List<String>> ONE = List.of(List.of("S3900:M54.50"), List.of("95940:C71.1"), List.of("99213:J06.9"),
            List.of("95930:H47.011"));

    /** 5-line requests: surgery with monitoring, in the shapes of the worked examples. */
    static final List<List<String>> FIVE = List.of(
            List.of("61510:C71.1", "95940:C71.1", "95925:C71.1", "95930:C71.1", "95937:C71.1"),
            List.of("63047:M48.061", "95940:M48.061", "95926:M48.061", "95907:M48.061", "95908:M48.061"),
            List.of("64483:M54.16", "95940:M54.16", "95941:M54.16", "95860:M54.16", "G0453:M54.16"),
            List.of("22551:M50.10,C41.2", "95940:M50.10,C41.2", "95938:M50.10,C41.2", "95939:M50.10,C41.2", "S3900:M50.10"));

    /** A 50-line request: a spine case with every kind of monitoring, baseline, pain and spine code. */
    static final List<List<String>> FIFTY = List.of(fifty("63047", "M48.061"), fifty("61510", "C71.1"));

    private BenchmarkRequests() {
    }

    private static List<String> fifty(String primary, String dx) {
        String[] codes = {"95940", "95941", "G0453", "95707", "95717", "95812", "95813", "95822", "95955", "95957", "95925", "95926", "95927",
            "95938", "95928", "95929", "95939", "92652", "92653", "95885", "95886", "95887", "95907", "95908", "95909", "95867", "95868",
            "95933", "51785", "95860", "95861", "95863", "95864", "95870", "95930", "95937", "95999", "S3900", "22551", "22612", "63030",
            "63045", "62321", "64490", "64633", "99213", "S9090", "97012", "E0424"};
        List<String> lines = new ArrayList<>();
        lines.add(primary + ":" + dx);
        for (String code : codes) {
            lines.add(code + ":" + dx);
        }
        return lines;
    }

    static List<List<String>> ofSize(int lines) {
        switch (lines) {
            case 1:
                return ONE;
            case 5:
                return FIVE;
            case 50:
                return FIFTY;
            default:
                throw new IllegalArgumentException("no request mix of " + lines + " lines");
        }
    }

    static CoverageRequest domain(List<String> lines) {
        List<RequestedLine> requested = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            List<CodeText> dx = new ArrayList<>();
            if (parts.length > 1) {
                for (String d : parts[1].split(",")) {
                    dx.add(CodeText.diagnosis(d));
                }
            }
            requested.add(new RequestedLine(requested.size() + 1, CodeText.procedure(parts[0]), 1, List.of(), dx));
        }
        return new CoverageRequest(DOS, LineOfBusiness.COMMERCIAL, requested, Set.of());
    }

    static String fhirJson(List<String> lines) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"CoverageEligibilityRequest\",\"id\":\"bench\",\"status\":\"active\","
                + "\"purpose\":[\"auth-requirements\"],\"patient\":{\"reference\":\"Patient/1\"},\"created\":\"2025-03-01\","
                + "\"insurer\":{\"reference\":\"Organization/1\"},\"servicedDate\":\"2025-03-10\",\"item\":[");
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(":", 2);
            CodeSystem system = Character.isLetter(parts[0].charAt(0)) ? CodeSystem.HCPCS : CodeSystem.CPT;
            json.append(i == 0 ? "" : ",").append("{\"productOrService\":{\"coding\":[{\"system\":\"").append(system.uri())
                    .append("\",\"code\":\"").append(parts[0]).append("\"}]}");
            if (parts.length > 1) {
                json.append(",\"diagnosis\":[");
                String[] dx = parts[1].split(",");
                for (int d = 0; d < dx.length; d++) {
                    json.append(d == 0 ? "" : ",").append("{\"diagnosisCodeableConcept\":{\"coding\":[{\"system\":\"")
                            .append(CodeSystem.ICD10CM.uri()).append("\",\"code\":\"").append(dx[d]).append("\"}]}}");
                }
                json.append(']');
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    /** Writes the FHIR JSON bodies of every mix to DIR as LINES-N.json, for load generators outside the JVM (wrk). */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args.length > 0 ? args[0] : "target/bench-bodies");
        java.nio.file.Files.createDirectories(dir);
        for (int size : new int[] {1, 5, 50}) {
            List<List<String>> mix = ofSize(size);
            for (int i = 0; i < mix.size(); i++) {
                java.nio.file.Files.writeString(dir.resolve(size + "-" + (i + 1) + ".json"), fhirJson(mix.get(i)));
            }
        }
    }
}
