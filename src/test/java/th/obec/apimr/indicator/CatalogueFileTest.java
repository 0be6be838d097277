package th.obec.apimr.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CatalogueFileTest {

    private static final String VALID = """
            {"fiscalYear": 2570, "nameTh": "ชุดทดสอบ", "nameEn": "Test set",
             "indicators": [
               {"code": "1", "dimension": "SAFETY", "titleTh": "ความปลอดภัย", "titleEn": "Safety",
                "measures": [{"code": "STUDENTS", "achievedLabelTh": "ผู้เรียนที่ได้รับการอบรม",
                              "baseLabelTh": "ผู้เรียนทั้งหมด", "labelEn": "Students trained"}]}]}
            """;

    private static CatalogueFile read(String json) {
        return CatalogueFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void readsAValidFileWithDefaults() {
        CatalogueFile file = read(VALID);

        assertThat(file.fiscalYear()).isEqualTo(2570);
        assertThat(file.source()).isNull();
        assertThat(file.indicators()).singleElement().satisfies(entry -> {
            assertThat(entry.sortOrder()).isEqualTo(1);
            assertThat(entry.dimension()).isEqualTo(Dimension.SAFETY);
            assertThat(entry.measures()).singleElement()
                    .satisfies(measure -> assertThat(measure.level()).isEqualTo(MeasureLevel.ALL));
        });
    }

    @Test
    void refusesAnUnknownDimensionNamingItsPlace() {
        assertThatThrownBy(() -> read(VALID.replace("\"SAFETY\"", "\"HAPPINESS\"")))
                .hasMessageContaining("test.json: indicators[0].dimension")
                .hasMessageContaining("HAPPINESS");
    }

    @Test
    void refusesAnUnknownLevel() {
        assertThatThrownBy(() -> read(VALID.replace("\"labelEn\": \"Students trained\"",
                "\"labelEn\": \"Students trained\", \"level\": \"TERTIARY\"")))
                .hasMessageContaining("indicators[0].measures[0].level");
    }

    @Test
    void refusesDuplicateIndicatorCodes() {
        String twice = """
                {"fiscalYear": 2570, "nameTh": "ชุดทดสอบ", "nameEn": "Test set",
                 "indicators": [
                   {"code": "1", "dimension": "SAFETY", "titleTh": "หนึ่ง", "titleEn": "One",
                    "measures": [{"code": "A", "achievedLabelTh": "ก", "baseLabelTh": "ข", "labelEn": "A"}]},
                   {"code": "1", "dimension": "QUALITY", "titleTh": "หนึ่งซ้ำ", "titleEn": "One again",
                    "measures": [{"code": "A", "achievedLabelTh": "ก", "baseLabelTh": "ข", "labelEn": "A"}]}]}
                """;

        assertThatThrownBy(() -> read(twice)).hasMessageContaining("indicators[1].code");
    }

    @Test
    void refusesAnIndicatorWithoutMeasures() {
        String none = """
                {"fiscalYear": 2570, "nameTh": "ชุดทดสอบ", "nameEn": "Test set",
                 "indicators": [{"code": "1", "dimension": "SAFETY", "titleTh": "หนึ่ง", "titleEn": "One",
                                 "measures": []}]}
                """;

        assertThatThrownBy(() -> read(none)).hasMessageContaining("indicators[0].measures");
    }

    @Test
    void refusesAMisspelledProperty() {
        assertThatThrownBy(() -> read(VALID.replace("\"baseLabelTh\"", "\"baseLabel\"")))
                .hasMessageContaining("test.json")
                .hasMessageContaining("baseLabel");
    }

    @Test
    void refusesAMissingFiscalYear() {
        assertThatThrownBy(() -> read(VALID.replace("\"fiscalYear\": 2570,", "")))
                .hasMessageContaining("fiscalYear");
    }
}
