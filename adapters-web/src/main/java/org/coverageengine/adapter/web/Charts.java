package org.coverageengine.adapter.web;

import static org.coverageengine.adapter.web.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coverageengine.domain.determination.Outcome;

/** Charts drawn on the server as inline SVG, each with a title and a data table for screen readers and print. */
final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 28;

    private Charts() {
    }

    /** Stacked bars: lines decided per day, one colour (and pattern in the legend and table) per outcome. */
    static String outcomesPerDay(Map<LocalDate, Map<Outcome, Integer>> perDay) {
        StringBuilder svg = new StringBuilder("<figure><figcaption>Lines decided per day, by outcome</figcaption>");
        if (perDay.isEmpty()) {
            return svg.append("<p>No determinations in this range.</p></figure>").toString();
        }
        int max = 1;
        for (Map<Outcome, Integer> day : perDay.values()) {
            max = Math.max(max, day.values().stream().mapToInt(Integer::intValue).sum());
        }
        int n = perDay.size();
        double slot = (WIDTH - LEFT - 8.0) / n;
        double bar = Math.max(2, slot * 0.7);
        svg.append("<svg role=\"img\" aria-label=\"Lines decided per day by outcome; the table below has the numbers\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" class=\"chart\">");
        axis(svg, max);
        int i = 0;
        for (Map.Entry<LocalDate, Map<Outcome, Integer>> day : perDay.entrySet()) {
            double x = LEFT + i * slot + (slot - bar) / 2;
            double y = HEIGHT - BOTTOM;
            for (Outcome outcome : Outcome.values()) {
                int count = day.getValue().getOrDefault(outcome, 0);
                if (count == 0) {
                    continue;
                }
                double h = (HEIGHT - BOTTOM - 10.0) * count / max;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect class=\"o-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s %s: %d</title></rect>",
                        outcome.code(), x, y, bar, h, day.getKey(), outcome.code(), count));
            }
            if (n <= 12 || i % Math.max(1, n / 8) == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", x + bar / 2,
                        HEIGHT - 8, esc(day.getKey().toString().substring(5))));
            }
            i++;
        }
        svg.append("</svg><details><summary>Numbers</summary><table><thead><tr><th scope=\"col\">Day</th>");
        for (Outcome outcome : Outcome.values()) {
            svg.append("<th scope=\"col\"><span class=\"swatch o-").append(outcome.code()).append("\"></span>").append(outcome.code()).append("</th>");
        }
        svg.append("</tr></thead><tbody>");
        perDay.forEach((day, counts) -> {
            svg.append("<tr><th scope=\"row\">").append(day).append("</th>");
            for (Outcome outcome : Outcome.values()) {
                svg.append("<td>").append(counts.getOrDefault(outcome, 0)).append("</td>");
            }
            svg.append("</tr>");
        });
        return svg.append("</tbody></table></details></figure>").toString();
    }

    /** Lines for the 50th, 90th and 99th percentile of decision time per day, in milliseconds. */
    static String percentilesPerDay(Map<LocalDate, List<Long>> nanosPerDay) {
        StringBuilder svg = new StringBuilder("<figure><figcaption>Decision time per day: median, 90th and 99th percentile (ms)</figcaption>");
        if (nanosPerDay.isEmpty()) {
            return svg.append("<p>No determinations in this range.</p></figure>").toString();
        }
        double[] levels = {0.5, 0.9, 0.99};
        String[] names = {"p50", "p90", "p99"};
        List<double[]> rows = new ArrayList<>();
        double max = 0.001;
        for (List<Long> day : nanosPerDay.values()) {
            List<Long> sorted = new ArrayList<>(day);
            Collections.sort(sorted);
            double[] row = new double[levels.length];
            for (int k = 0; k < levels.length; k++) {
                row[k] = percentile(sorted, levels[k]) / 1e6;
                max = Math.max(max, row[k]);
            }
            rows.add(row);
        }
        int n = rows.size();
        double step = n == 1 ? 0 : (WIDTH - LEFT - 16.0) / (n - 1);
        svg.append("<svg role=\"img\" aria-label=\"Decision time percentiles per day; the table below has the numbers\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" class=\"chart\">");
        axis(svg, max);
        for (int k = 0; k < levels.length; k++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = LEFT + 8 + i * step;
                double y = HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 10.0) * rows.get(i)[k] / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"></circle>", names[k], x, y));
            }
            svg.append("<polyline class=\"").append(names[k]).append("\" fill=\"none\" points=\"").append(points.toString().strip()).append("\"></polyline>");
        }
        svg.append("</svg><details><summary>Numbers</summary><table><thead><tr><th scope=\"col\">Day</th>");
        for (String name : names) {
            svg.append("<th scope=\"col\"><span class=\"swatch ").append(name).append("\"></span>").append(name).append("</th>");
        }
        svg.append("</tr></thead><tbody>");
        int i = 0;
        for (LocalDate day : nanosPerDay.keySet()) {
            svg.append("<tr><th scope=\"row\">").append(day).append("</th>");
            for (double value : rows.get(i++)) {
                svg.append(String.format(Locale.ROOT, "<td>%.2f</td>", value));
            }
            svg.append("</tr>");
        }
        return svg.append("</tbody></table></details></figure>").toString();
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(List<Long> sorted, double level) {
        int rank = (int) Math.ceil(level * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void axis(StringBuilder svg, double max) {
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\"></line>", LEFT, LEFT, HEIGHT - BOTTOM))
                .append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"></line>", LEFT, HEIGHT - BOTTOM, WIDTH,
                        HEIGHT - BOTTOM))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 4, label(max)))
                .append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">0</text>", LEFT - 4, HEIGHT - BOTTOM));
    }

    private static String label(double max) {
        return max >= 10 || max == Math.rint(max) ? String.valueOf(Math.round(max)) : String.format(Locale.ROOT, "%.2f", max);
    }
}
