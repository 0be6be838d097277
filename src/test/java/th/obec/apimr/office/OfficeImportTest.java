package th.obec.apimr.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("refdatatest")
class OfficeImportTest {

    @Autowired
    OfficeImporter importer;

    @Autowired
    OfficeService offices;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void restoreShippedOffices() {
        jdbc.update("delete from office where code like 'P99%'");
        importer.importOffices(ShippedOffices.offices());
    }

    @Test
    void shippedFileIsLoadedAtStartUpWith245OfficesAcross19Regions() {
        List<OfficeView> all = offices.all();

        assertThat(all).hasSize(245).allMatch(OfficeView::active);
        assertThat(all).filteredOn(o -> o.type() == OfficeType.PRIMARY).hasSize(183);
        assertThat(all).filteredOn(o -> o.type() == OfficeType.SECONDARY).hasSize(62);
        assertThat(all.stream().map(OfficeView::regionCode).collect(Collectors.toSet()))
                .hasSize(19)
                .contains("00", "01", "15", "18");
        assertThat(offices.regions()).hasSize(19);
    }

    @Test
    void officesCarryTheirCodesNamesAndRegions() {
        assertThat(offices.find("P5002")).hasValueSatisfying(office -> {
            assertThat(office.type()).isEqualTo(OfficeType.PRIMARY);
            assertThat(office.shortNameTh()).isEqualTo("สพป.เชียงใหม่ เขต 2");
            assertThat(office.fullNameTh()).isEqualTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 2");
            assertThat(office.regionCode()).isEqualTo("15");
            assertThat(office.regionNameTh()).isEqualTo("เขตตรวจราชการที่ 15");
        });
        assertThat(offices.find("s1001")).hasValueSatisfying(office -> {
            assertThat(office.type()).isEqualTo(OfficeType.SECONDARY);
            assertThat(office.regionCode()).isEqualTo("00");
            assertThat(office.regionNameTh()).isEqualTo("ส่วนกลาง");
        });
        assertThat(offices.find("S1700")).hasValueSatisfying(office ->
                assertThat(office.provincesTh()).containsExactly("สิงห์บุรี", "อ่างทอง"));
        assertThat(offices.find("X0000")).isEmpty();
        assertThat(offices.region("15").provincesTh()).contains("เชียงใหม่", "ลำพูน", "ลำปาง", "แม่ฮ่องสอน");
        assertThatThrownBy(() -> offices.region("19")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        ImportSummary first = importer.importOffices(ShippedOffices.offices());
        ImportSummary second = importer.importOffices(ShippedOffices.offices());

        assertThat(first).isEqualTo(new ImportSummary(0, 0, 245, 0));
        assertThat(second).isEqualTo(first);
        assertThat(second.changes()).isZero();
    }

    @Test
    void aChangedNameUpdatesOneRow() {
        int line = ShippedOffices.lineOf("P5002");
        byte[] renamed = ShippedOffices.withLine(line, l -> ShippedOffices.replaceCell(l, 3, "สพป.เชียงใหม่ เขต 2 (ใหม่)"));

        ImportSummary summary = importer.importOffices(renamed);

        assertThat(summary).isEqualTo(new ImportSummary(0, 1, 244, 0));
        assertThat(offices.find("P5002")).map(OfficeView::shortNameTh).hasValue("สพป.เชียงใหม่ เขต 2 (ใหม่)");
    }

    @Test
    void aRemovedRowDeactivatesTheOfficeAndReimportingReactivatesIt() {
        ImportSummary removed = importer.importOffices(ShippedOffices.without("P5001"));

        assertThat(removed).isEqualTo(new ImportSummary(0, 0, 244, 1));
        assertThat(offices.find("P5001")).map(OfficeView::active).hasValue(false);
        assertThat(offices.activeOffices()).hasSize(244).noneMatch(o -> o.code().equals("P5001"));
        assertThat(offices.all()).hasSize(245);

        assertThat(importer.importOffices(ShippedOffices.without("P5001"))).isEqualTo(new ImportSummary(0, 0, 244, 0));
        assertThat(importer.importOffices(ShippedOffices.offices())).isEqualTo(new ImportSummary(0, 1, 244, 0));
        assertThat(offices.find("P5001")).map(OfficeView::active).hasValue(true);
    }

    @Test
    void aNewRowIsCreated() {
        List<String> lines = ShippedOffices.officeLines();
        lines.add("P9901,สพป.,สพป.ทดสอบ เขต 1,สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1,1,เชียงใหม่,50,Chiang Mai,,15,,");

        ImportSummary summary = importer.importOffices(ShippedOffices.join(lines));

        assertThat(summary).isEqualTo(new ImportSummary(1, 0, 245, 0));
        assertThat(offices.find("P9901")).hasValueSatisfying(office -> {
            assertThat(office.active()).isTrue();
            assertThat(office.regionCode()).isEqualTo("15");
            assertThat(office.provincesTh()).containsExactly("เชียงใหม่");
        });
    }

    static Stream<Arguments> malformedFiles() {
        int p1101 = ShippedOffices.lineOf("P1101");
        int p1102 = ShippedOffices.lineOf("P1102");
        int p5002 = ShippedOffices.lineOf("P5002");
        return Stream.of(
                Arguments.of("missing header column",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(1, l -> l.replace("inspection_region", "region")),
                        "inspection_region", 1, null),
                Arguments.of("empty office code",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 1, "")),
                        "office_code", p5002, 1),
                Arguments.of("unknown office type",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 2, "สพฐ.")),
                        "office_type", p5002, 2),
                Arguments.of("unknown region",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 10, "19")),
                        "inspection_region", p5002, 10),
                Arguments.of("duplicate code",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p1102, l -> ShippedOffices.replaceCell(l, 1, "P1101")),
                        "office_code", p1102, 1),
                Arguments.of("too few columns",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p1101, l -> "P1101,สพป.,สพป.สมุทรปราการ เขต 1"),
                        "full_name_th", p1101, 4),
                Arguments.of("too many columns",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> l + ",extra"),
                        null, p5002, 13),
                Arguments.of("code not matching the office type",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 2, "สพม.")),
                        "office_code", p5002, 1),
                Arguments.of("area number not a number",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 5, "สอง")),
                        "area_no", p5002, 5),
                Arguments.of("malformed office code",
                        (Supplier<byte[]>) () -> ShippedOffices.withLine(p5002, l -> ShippedOffices.replaceCell(l, 1, "P502")),
                        "office_code", p5002, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void aMalformedFileIsRejectedWithLineAndColumnAndLeavesTheTablesUnchanged(
            String problem, Supplier<byte[]> file, String field, int line, Integer column) {
        // a valid change early in the file must not be saved either
        byte[] content = renameBangkokPrimaryOffice(file.get());
        List<OfficeView> before = offices.all();

        assertThatThrownBy(() -> importer.importOffices(content))
                .as(problem)
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problem().field()).isEqualTo(field);
                    assertThat(e.problem().line()).isEqualTo(line);
                    assertThat(e.problem().column()).isEqualTo(column);
                    assertThat(e.problem().message()).isNotBlank().contains("(");
                });
        assertThat(offices.all()).isEqualTo(before);
    }

    @Test
    void aFileWithOnlyTheHeaderIsRejected() {
        byte[] headerOnly = (ShippedOffices.officeLines().get(0) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importOffices(headerOnly))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.problem().line()).isEqualTo(2));
        assertThat(offices.activeOffices()).hasSize(245);
    }

    @Test
    void regionsReimportIdempotently() {
        ImportSummary summary = importer.importRegions(ShippedOffices.bytes(ShippedOffices.REGIONS));

        assertThat(summary).isEqualTo(new ImportSummary(0, 0, 19, 0));
    }

    @Test
    void aMalformedRegionFileIsRejected() {
        String regions = new String(ShippedOffices.bytes(ShippedOffices.REGIONS), StandardCharsets.UTF_8)
                .replace("\n15,", "\n1x,");

        assertThatThrownBy(() -> importer.importRegions(regions.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.problem().line()).isEqualTo(17);
                    assertThat(e.problem().column()).isEqualTo(1);
                    assertThat(e.problem().field()).isEqualTo("code");
                });
        assertThat(offices.region("15").nameTh()).isEqualTo("เขตตรวจราชการที่ 15");
    }

    private static byte[] renameBangkokPrimaryOffice(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return text.replaceFirst("\nP1000,สพป.,สพป.กรุงเทพมหานคร,", "\nP1000,สพป.,สพป.กรุงเทพฯ (แก้ไข),")
                .getBytes(StandardCharsets.UTF_8);
    }
}
