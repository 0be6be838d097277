package th.obec.apimr.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable parse(String text) {
        return CsvTable.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedValuesWithCommasAndDoubledQuotes() {
        CsvTable table = parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");

        assertThat(table.header()).containsExactly("a", "b", "c");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.cells()).containsExactly("1", "x, y", "say \"hi\"");
        });
    }

    @Test
    void countsLinesAcrossCrLfBlankLinesAndQuotedLineBreaks() {
        CsvTable table = parse("\uFEFFa,b\r\n1,\"two\nlines\"\r\n\r\n3,4\r\n");

        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 5);
        assertThat(table.rows().get(0).cells()).containsExactly("1", "two\nlines");
        assertThat(table.rows().get(1).cells()).containsExactly("3", "4");
    }

    @Test
    void keepsEmptyCellsAndTrimsValues() {
        CsvTable table = parse("a,b,c\n x ,,z");

        assertThat(table.rows().get(0).cells()).isEqualTo(List.of("x", "", "z"));
    }

    @Test
    void refusesAnUnterminatedQuoteNamingItsLineAndColumn() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\n"))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(3);
                    assertThat(e.problem().column()).isEqualTo(2);
                });
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> parse("\n\n"))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.problem().line()).isEqualTo(1));
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAtTheLineAndColumnOfTheFirstBadByte() throws Exception {
        byte[] windows874 = "office_code,office_type,short_name_th\nP5002,สพป.,สพป.เชียงใหม่ เขต 2\n"
                .getBytes("x-windows-874");

        assertThatThrownBy(() -> CsvTable.parse(windows874))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(2);
                    assertThat(e.problem().column()).isEqualTo(2);
                    assertThat(e.problem().message()).contains("UTF-8", "TIS-620");
                });
    }

    @Test
    void thaiTextInUtf8IsReadAsIs() {
        assertThat(parse("a,b\n\"x,\nก\",ข\n").rows().get(0).cells()).containsExactly("x,\nก", "ข");
    }
}
