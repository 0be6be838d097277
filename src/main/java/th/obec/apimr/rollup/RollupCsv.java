package th.obec.apimr.rollup;

import java.nio.charset.StandardCharsets;
import java.util.List;

import th.obec.apimr.rollup.RollupTables.Table;

/**
 * The roll-up as one CSV file: UTF-8 with a byte-order mark (so that Excel reads the Thai), CRLF line ends, each
 * table as a section: its title on a line, its header, its rows, then a blank line.
 */
final class RollupCsv {

    private static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private RollupCsv() {
    }

    static byte[] write(List<Table> tables) {
        StringBuilder csv = new StringBuilder(BOM);
        for (Table table : tables) {
            line(csv, List.of(table.title()));
            line(csv, table.header());
            for (List<Object> row : table.rows()) {
                line(csv, row);
            }
            csv.append(EOL);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(EOL);
    }

    /** A value, quoted when it holds a comma, a quote or a line break; a formula-like text is defused. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double percent ? RollupTables.percent(percent) : String.valueOf(value);
        if (value instanceof String && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            // what offices wrote must not run as a spreadsheet formula
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
