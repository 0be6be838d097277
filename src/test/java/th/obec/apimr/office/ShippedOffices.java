package th.obec.apimr.office;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The shipped office and region files, and edited copies of them for import tests. */
final class ShippedOffices {

    static final String OFFICES = "data/offices.csv";
    static final String REGIONS = "data/inspection-regions.csv";

    private ShippedOffices() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = ShippedOffices.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] offices() {
        return bytes(OFFICES);
    }

    /** The lines of the shipped office file (no value in it spans lines). */
    static List<String> officeLines() {
        return new ArrayList<>(List.of(new String(offices(), StandardCharsets.UTF_8).split("\n")));
    }

    /** The 1-based line of the shipped office file that starts with this office code. */
    static int lineOf(String officeCode) {
        List<String> lines = officeLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(officeCode + ",")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(officeCode);
    }

    /** The shipped office file with one line (1-based) replaced. */
    static byte[] withLine(int line, UnaryOperator<String> edit) {
        List<String> lines = officeLines();
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        return join(lines);
    }

    /** The shipped office file without the line of this office. */
    static byte[] without(String officeCode) {
        List<String> lines = officeLines();
        lines.remove(lineOf(officeCode) - 1);
        return join(lines);
    }

    static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the n-th (1-based) comma-separated cell of a line without quotes before it. */
    static String replaceCell(String line, int cell, String value) {
        String[] parts = line.split(",", -1);
        parts[cell - 1] = value;
        return String.join(",", parts);
    }
}
