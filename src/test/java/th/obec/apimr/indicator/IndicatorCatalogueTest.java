package th.obec.apimr.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.office.OfficeType;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("refdatatest")
class IndicatorCatalogueTest {

    @Autowired
    IndicatorCatalogue catalogue;

    @Autowired
    CatalogueLoader loader;

    @Autowired
    CatalogueWriter writer;

    @Test
    void fiscalYear2566HasTheThirteenQuickPolicyIndicatorsInOrder() {
        List<IndicatorView> indicators = catalogue.indicators(2566);

        assertThat(indicators).extracting(IndicatorView::code)
                .containsExactly("1", "2", "3", "4", "5", "6a", "6b", "7", "8", "9", "10", "11", "12");
        assertThat(indicators).allSatisfy(indicator -> {
            assertThat(indicator.titleTh()).isNotBlank();
            assertThat(indicator.titleEn()).isNotBlank();
            assertThat(indicator.dimension()).isNotNull();
            assertThat(indicator.measures()).isNotEmpty().allSatisfy(measure -> {
                assertThat(measure.code()).isNotBlank();
                assertThat(measure.achievedLabelTh()).isNotBlank();
                assertThat(measure.labelEn()).isNotBlank();
            });
        });
        assertThat(catalogue.hasCatalogue(2566)).isTrue();
        assertThat(catalogue.fiscalYears()).contains(2566);
    }

    @Test
    void everyDimensionIsUsedAndSafetyIsIndicatorOne() {
        List<IndicatorView> indicators = catalogue.indicators(2566);

        assertThat(indicators).extracting(IndicatorView::dimension).contains(Dimension.values());
        assertThat(catalogue.indicator(2566, "1")).map(IndicatorView::dimension).hasValue(Dimension.SAFETY);
        assertThat(catalogue.indicator(2566, "2")).map(IndicatorView::dimension).hasValue(Dimension.OPPORTUNITY);
        assertThat(catalogue.indicator(2566, "12")).map(IndicatorView::dimension).hasValue(Dimension.EFFICIENCY);
    }

    @Test
    void theMeasuresFollowTheSixMonthReport() {
        assertThat(catalogue.indicator(2566, "2")).hasValueSatisfying(dropOuts -> {
            assertThat(dropOuts.titleTh()).isEqualTo("พาน้องกลับมาเรียน");
            assertThat(dropOuts.measures()).singleElement().satisfies(measure -> {
                assertThat(measure.code()).isEqualTo("DROPOUTS_HELPED");
                assertThat(measure.achievedLabelTh()).isEqualTo("เด็กออกกลางคันที่ได้รับการช่วยเหลือ");
                assertThat(measure.baseLabelTh()).startsWith("เด็กออกกลางคันทั้งหมด");
                assertThat(measure.level()).isEqualTo(MeasureLevel.ALL);
            });
        });
        assertThat(catalogue.indicator(2566, "4")).hasValueSatisfying(assessment -> {
            assertThat(assessment.measures()).extracting(MeasureView::level)
                    .containsExactly(MeasureLevel.PRIMARY, MeasureLevel.SECONDARY);
            assertThat(assessment.measuresFor(OfficeType.PRIMARY)).extracting(MeasureView::code)
                    .containsExactly("SCHOOLS_USING_RESULTS_PRIMARY");
            assertThat(assessment.measuresFor(OfficeType.SECONDARY)).extracting(MeasureView::code)
                    .containsExactly("SCHOOLS_USING_RESULTS_SECONDARY");
        });
        assertThat(catalogue.indicator(2566, "8")).hasValueSatisfying(democracy ->
                assertThat(democracy.measures()).extracting(MeasureView::code)
                        .containsExactly("STUDENTS_TAKING_PART", "SCHOOLS_ORGANISING"));
        assertThat(catalogue.indicator(2566, "11")).hasValueSatisfying(roleModels ->
                assertThat(roleModels.measures()).hasSize(4).noneMatch(MeasureView::hasBase));
    }

    @Test
    void indicatorCodesAreFoundInAnyCase() {
        assertThat(catalogue.indicator(2566, "6A")).map(IndicatorView::code).hasValue("6a");
        assertThat(catalogue.indicator(2566, "13")).isEmpty();
        assertThat(catalogue.indicator(2560, "1")).isEmpty();
        assertThat(catalogue.hasCatalogue(2560)).isFalse();
    }

    @Test
    void loadingTheShippedCataloguesAgainChangesNothing() {
        List<CatalogueFile> files = loader.load("classpath*:data/indicators/*.json");

        assertThat(files).extracting(CatalogueFile::fiscalYear).contains(2566);
        assertThat(files).allSatisfy(file -> assertThat(writer.save(file)).isZero());
    }

    @Test
    void aNewFiscalYearIsOnlyANewFileAndAChangedFileUpdatesTheCatalogue() {
        loader.load("classpath:indicator/fy2599.json");

        assertThat(catalogue.indicators(2599)).extracting(IndicatorView::code).containsExactly("A1", "A2");
        assertThat(catalogue.indicator(2599, "A1")).hasValueSatisfying(first -> {
            assertThat(first.measures()).extracting(MeasureView::code).containsExactly("READERS", "WRITERS");
            assertThat(first.measuresFor(OfficeType.SECONDARY)).extracting(MeasureView::code).containsExactly("READERS");
        });
        assertThat(catalogue.indicator(2599, "A2")).map(IndicatorView::dimension).hasValue(Dimension.SAFETY);

        loader.load("classpath:indicator/changed/fy2599.json");

        assertThat(catalogue.indicators(2599)).extracting(IndicatorView::code).containsExactly("A2", "A1");
        assertThat(catalogue.indicator(2599, "A2")).map(IndicatorView::titleTh).hasValue("ตัวชี้วัดทดสอบที่สอง (ปรับปรุง)");
        assertThat(catalogue.indicator(2599, "A1")).hasValueSatisfying(first ->
                assertThat(first.measures()).extracting(MeasureView::code).containsExactly("WRITERS"));
        assertThat(catalogue.indicators(2566)).hasSize(13);
    }
}
