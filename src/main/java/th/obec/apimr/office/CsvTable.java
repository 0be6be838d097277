package th.obec.apimr.office;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file (RFC 4180: comma separated, optional double quotes, {@code ""} inside quotes) read into a header
 * and rows, each row remembering the line it starts on so that problems can be reported by line and column.
 * Blank lines are skipped; a UTF-8 byte order mark is ignored.
 */
final class CsvTable {

    /** One record of the file: the line it starts on and its cells, unquoted and trimmed. */
    record Row(int line, List<String> cells) {
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    static CsvTable parse(byte[] content) {
        String text = utf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> records = new Reader(text).readAll();
        if (records.isEmpty()) {
            throw new ImportRejectedException(new ImportProblem(null, 1, null,
                    "ไฟล์ว่าง ไม่มีแถวหัวตาราง (the file is empty: no header line)"));
        }
        return new CsvTable(records.get(0).cells(), List.copyOf(records.subList(1, records.size())));
    }

    /**
     * The file as UTF-8 text. Bytes that are not UTF-8 (a file saved as TIS-620 / Windows-874, as Thai Windows
     * often does) reject the whole file at the line and column of the first one, instead of importing garbled names.
     */
    static String utf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            String before = new String(content, 0, in.position(), StandardCharsets.UTF_8);
            int line = 1;
            int column = 1;
            boolean quoted = false;
            for (int i = 0; i < before.length(); i++) {
                char c = before.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    column++;
                } else if (c == '\n') {
                    line++;
                    if (!quoted) {
                        column = 1;
                    }
                }
            }
            throw new ImportRejectedException(new ImportProblem(null, line, column,
                    "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 โปรดบันทึกไฟล์เป็น CSV UTF-8 (the file is not UTF-8: byte 0x"
                            + String.format("%02X", content[in.position()] & 0xFF)
                            + " is not valid; save it as CSV UTF-8, not TIS-620/Windows-874)"));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Splits the text into records, following quotes across line breaks. */
    private static final class Reader {

        private final String text;
        private int position;
        private int line = 1;

        Reader(String text) {
            this.text = text;
        }

        List<Row> readAll() {
            List<Row> records = new ArrayList<>();
            while (position < text.length()) {
                int startLine = line;
                List<String> cells = readRecord();
                boolean blank = cells.size() == 1 && cells.get(0).isEmpty();
                if (!blank) {
                    records.add(new Row(startLine, List.copyOf(cells)));
                }
            }
            return records;
        }

        private List<String> readRecord() {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int quoteLine = 0;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            cell.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                } else if (c == '"' && cell.toString().isBlank()) {
                    quoted = true;
                    quoteLine = line;
                    cell.setLength(0);
                } else if (c == ',') {
                    cells.add(cell.toString().trim());
                    cell.setLength(0);
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    line++;
                    cells.add(cell.toString().trim());
                    return cells;
                } else {
                    cell.append(c);
                }
            }
            if (quoted) {
                throw new ImportRejectedException(new ImportProblem(null, quoteLine, cells.size() + 1,
                        "เครื่องหมายคำพูด (\") ไม่ได้ปิด (unterminated quoted value)"));
            }
            cells.add(cell.toString().trim());
            return cells;
        }
    }
}
