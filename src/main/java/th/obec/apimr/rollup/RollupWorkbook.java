package th.obec.apimr.rollup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.obec.apimr.rollup.RollupTables.Table;

/**
 * The roll-up as an Excel workbook: one sheet per table, its title in the first row, the header in the second
 * (bold, frozen), numbers as numbers and percentages with two decimals.
 */
final class RollupWorkbook {

    /** Excel's limit for a cell's text. */
    private static final int MAX_CELL_TEXT = 32_767;

    private RollupWorkbook() {
    }

    static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle title = workbook.createCellStyle();
            title.setFont(bold);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(table.sheetName());
                Cell titleCell = sheet.createRow(0).createCell(0);
                titleCell.setCellValue(table.title());
                titleCell.setCellStyle(title);
                Row headerRow = sheet.createRow(1);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = headerRow.createCell(c);
                    cell.setCellValue(table.header().get(c));
                    cell.setCellStyle(header);
                }
                int r = 2;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof Double d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(percent);
                        } else if (value instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(number);
                        } else {
                            String text = String.valueOf(value);
                            cell.setCellValue(text.length() > MAX_CELL_TEXT ? text.substring(0, MAX_CELL_TEXT) : text);
                        }
                    }
                }
                sheet.createFreezePane(0, 2);
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
