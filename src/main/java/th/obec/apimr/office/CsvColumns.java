package th.obec.apimr.office;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a CSV file checked against the columns an import needs: every required column must be in the
 * header (any order, extra columns allowed) and every row must have as many cells as the header.
 */
final class CsvColumns {

    private final List<String> header;
    private final Map<String, Integer> positions = new HashMap<>();

    private CsvColumns(List<String> header) {
        this.header = header;
    }

    static CsvColumns of(CsvTable table, List<String> required) {
        CsvColumns columns = new CsvColumns(table.header());
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            if (name.isEmpty()) {
                continue;
            }
            if (columns.positions.putIfAbsent(name, i) != null) {
                throw new ImportRejectedException(new ImportProblem(name, 1, i + 1,
                        "ชื่อคอลัมน์ " + name + " ซ้ำในแถวหัวตาราง (duplicate header column " + name + ")"));
            }
        }
        for (String name : required) {
            if (!columns.positions.containsKey(name)) {
                throw new ImportRejectedException(new ImportProblem(name, 1, null,
                        "แถวหัวตารางไม่มีคอลัมน์ " + name + " (missing header column " + name + ")"));
            }
        }
        return columns;
    }

    /** Refuses a row whose cell count differs from the header's. */
    void checkWidth(CsvTable.Row row) {
        int expected = header.size();
        int actual = row.cells().size();
        if (actual < expected) {
            String missing = header.get(actual);
            throw new ImportRejectedException(new ImportProblem(missing, row.line(), actual + 1,
                    "จำนวนคอลัมน์ไม่ครบ: มี " + actual + " ต้องมี " + expected
                            + " (wrong column count: " + actual + " instead of " + expected + ")"));
        }
        if (actual > expected) {
            throw new ImportRejectedException(new ImportProblem(null, row.line(), expected + 1,
                    "จำนวนคอลัมน์เกิน: มี " + actual + " ต้องมี " + expected
                            + " (wrong column count: " + actual + " instead of " + expected + ")"));
        }
    }

    /** The trimmed value of a column in a row; the column may be optional (then absent means empty). */
    String value(CsvTable.Row row, String column) {
        Integer position = positions.get(column);
        return position == null ? "" : row.cells().get(position);
    }

    /** A problem at a column of a row. */
    ImportRejectedException problem(CsvTable.Row row, String column, String message) {
        Integer position = positions.get(column);
        return new ImportRejectedException(new ImportProblem(column, row.line(),
                position == null ? null : position + 1, message));
    }

    /** The column must not be empty. */
    String required(CsvTable.Row row, String column, String whatTh, String whatEn) {
        String value = value(row, column);
        if (value.isEmpty()) {
            throw problem(row, column, whatTh + "ว่าง (" + whatEn + " is empty)");
        }
        return value;
    }
}
