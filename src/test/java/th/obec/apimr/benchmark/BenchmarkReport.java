package th.obec.apimr.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Figures of the benchmarks ({@code mvn -Pbenchmark test}), printed and kept as Markdown. Each benchmark class
 * writes its section to {@code target/benchmarks/<section>.md}; every write then regenerates
 * {@code BENCHMARKS.md} at the project's root from all sections present, in file-name order, under a header
 * saying on what machine they were taken. A section is a table of rows, each figure beside its baseline and
 * target, and notes that explain the figures.
 */
public final class BenchmarkReport {

    private final String fileName;
    private final String title;
    private final List<String> intro = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param fileName orders the sections in BENCHMARKS.md, e.g. {@code 10-launch}
     * @param title the section's heading
     */
    public BenchmarkReport(String fileName, String title) {
        this.fileName = fileName;
        this.title = title;
    }

    /** A paragraph under the heading: what was measured, on what data. */
    public BenchmarkReport intro(String text) {
        intro.add(text);
        return this;
    }

    /**
     * One measured figure.
     *
     * @param what the measurement, e.g. "coordinator's task list, p95"
     * @param product the product's figure with its unit
     * @param baseline stock Camunda's figure on the same data (or "-")
     * @param target the figure the product aims for (or "-")
     * @param verdict "met", "missed" or "-"
     */
    public BenchmarkReport row(String what, String product, String baseline, String target, String verdict) {
        rows.add(new String[] {what, product, baseline, target, verdict});
        System.out.printf(Locale.ROOT, "[benchmark] %s: %s (baseline %s, target %s) %s%n", what, product, baseline,
                target, verdict);
        return this;
    }

    /** A line under the table: why a figure is what it is, what was changed for it. */
    public BenchmarkReport note(String text) {
        notes.add(text);
        System.out.println("[benchmark] " + text);
        return this;
    }

    /** Writes this section and regenerates BENCHMARKS.md. */
    public void write() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(title).append("\n\n");
        for (String paragraph : intro) {
            md.append(paragraph).append("\n\n");
        }
        if (!rows.isEmpty()) {
            md.append("| measurement | product | stock Camunda | target | |\n|---|---|---|---|---|\n");
            for (String[] row : rows) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            md.append('\n');
        }
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        try {
            Path dir = sectionsDirectory();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName + ".md"), md.toString(), StandardCharsets.UTF_8);
            regenerate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats milliseconds with one decimal. */
    public static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** Formats bytes as mebibytes with two decimals. */
    public static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024 * 1024));
    }

    /** The p-th percentile (nearest rank) of values, in their unit; the list is sorted in place. */
    public static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.size());
        return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1)));
    }

    /** "met" when the figure is at most the target (lower is better). */
    public static String atMost(double figure, double target) {
        return figure <= target ? "met" : "missed";
    }

    /** "met" when the figure is at least the target (higher is better). */
    public static String atLeast(double figure, double target) {
        return figure >= target ? "met" : "missed";
    }

    private static Path sectionsDirectory() {
        return Path.of(System.getProperty("build.dir", "target"), "benchmarks");
    }

    private static void regenerate(Path dir) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `mvn -Pbenchmark test` (see README, \"Benchmarks\"); each run replaces the sections it"
                + " ran. Figures are wall-clock times on the machine below, each beside stock Camunda 7.24 with its"
                + " default settings on the same data in the same run. Lower is better for times, higher for rates.\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %d MiB, %s; taken %s.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                LocalDate.now()));
        md.append("JVM arguments: `").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-Xm") || a.startsWith("-XX")).toList())).append("`\n\n");
        List<Path> sections;
        try (Stream<Path> files = Files.list(dir)) {
            sections = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path section : sections) {
            md.append(Files.readString(section, StandardCharsets.UTF_8)).append('\n');
        }
        Files.writeString(projectRoot().resolve("BENCHMARKS.md"), md.toString().stripTrailing() + "\n",
                StandardCharsets.UTF_8);
    }

    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("pom.xml")) ? here : here.getParent();
    }
}
