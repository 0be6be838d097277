package th.obec.apimr.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.MeasureLevel;
import th.obec.apimr.rollup.Rollup.IndicatorRollup;
import th.obec.apimr.rollup.Rollup.LevelCount;
import th.obec.apimr.rollup.Rollup.LevelTotal;
import th.obec.apimr.rollup.Rollup.MeasureRollup;
import th.obec.apimr.rollup.Rollup.PracticeEntry;
import th.obec.apimr.rollup.Rollup.RegionLevels;
import th.obec.apimr.rollup.Rollup.Remark;
import th.obec.apimr.rollup.SampleView.LevelShare;
import th.obec.apimr.rollup.SampleView.SaveRequest;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.task.FormValidationException;

/** The roll-up of {@link RollupScenario}'s five offices against figures computed by hand. */
@TaskFormSpringTest
class RollupServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RollupService rollups;

    @Autowired
    FollowUpSamples samples;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void sumsCountsOverOfficesWithPercentagesAndPrimarySecondaryTotals() {
        RollupScenario scenario = RollupScenario.create(context, 2741);

        Rollup rollup = rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow();

        assertThat(rollup.titleTh()).isEqualTo("ปีงบประมาณ 2741 รอบ 6 เดือน");
        assertThat(rollup.reportDeadlineTh()).isEqualTo("30 เมษายน 2741");
        assertThat(rollup.officesTakingPart()).isEqualTo(5);
        assertThat(rollup.reportsSubmitted()).isEqualTo(7);
        assertThat(rollup.reportsAccepted()).isEqualTo(5);

        // indicator 2: (150 + 30 + 0) / (200 + 40 + 10); the returned report's current figures count too
        IndicatorRollup dropouts = indicator(rollup, RollupScenario.DROPOUTS);
        assertThat(dropouts.officesReporting()).isEqualTo(5);
        assertThat(dropouts.reportsSubmitted()).isEqualTo(3);
        assertThat(dropouts.reportsAccepted()).isEqualTo(2);
        assertThat(dropouts.measures()).containsExactly(new MeasureRollup("DROPOUTS_HELPED",
                "เด็กออกกลางคันที่ได้รับการช่วยเหลือ", "เด็กออกกลางคันทั้งหมดที่ค้นพบ", MeasureLevel.ALL, "ทุกสังกัด",
                3, 180, 250L, 72.0));
        assertThat(dropouts.levelTotals()).isEmpty();
        assertThat(dropouts.percent()).isEqualTo(72.0);

        // indicator 4 asks primary and secondary apart: primary 80 + 30 of 100 + 50, secondary 20 + 15 of 40 + 20
        IndicatorRollup assessment = indicator(rollup, RollupScenario.ASSESSMENT);
        assertThat(assessment.measures()).extracting(MeasureRollup::code, MeasureRollup::level,
                        MeasureRollup::reports, MeasureRollup::achieved, MeasureRollup::base)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RollupScenario.PRIMARY_SCHOOLS, MeasureLevel.PRIMARY, 2,
                                110L, 150L),
                        org.assertj.core.groups.Tuple.tuple(RollupScenario.SECONDARY_SCHOOLS, MeasureLevel.SECONDARY,
                                2, 35L, 60L));
        assertThat(assessment.measures().get(0).percent()).isCloseTo(73.333, within(0.001));
        assertThat(assessment.measures().get(1).percent()).isCloseTo(58.333, within(0.001));
        assertThat(assessment.levelTotals()).extracting(LevelTotal::levelTh, LevelTotal::achieved, LevelTotal::base)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("สพป. (ประถมศึกษา)", 110L, 150L),
                        org.assertj.core.groups.Tuple.tuple("สพม. (มัธยมศึกษา)", 35L, 60L));
        assertThat(assessment.achieved()).isEqualTo(145);
        assertThat(assessment.base()).isEqualTo(210);
        assertThat(assessment.percent()).isCloseTo(69.048, within(0.001));

        // nobody reported indicator 1: no figures, no percentage
        IndicatorRollup safety = indicator(rollup, "1");
        assertThat(safety.reportsSubmitted()).isZero();
        assertThat(safety.percent()).isNull();
        assertThat(safety.practices()).isEmpty();
    }

    @Test
    void listsBestPracticesWithTheirOfficeAndGroupsRemarksByLevel() {
        RollupScenario scenario = RollupScenario.create(context, 2742);

        Rollup rollup = rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow();

        assertThat(indicator(rollup, RollupScenario.DROPOUTS).practices()).containsExactly(new PracticeEntry("P4001",
                "สพป.ขอนแก่น เขต 1", "อาสาสมัครพาน้องกลับมาเรียน (อสร.)", "สพป.ขอนแก่น เขต 1",
                "ค้นหา ติดตาม และช่วยเหลือเด็กออกกลางคันด้วย 4A Model"));
        IndicatorRollup assessment = indicator(rollup, RollupScenario.ASSESSMENT);
        assertThat(assessment.practices()).containsExactly(new PracticeEntry("S1001", "สพม.กรุงเทพมหานคร เขต 1",
                "PNW CARE+", "โรงเรียนปลายนาวิทยา", null));
        assertThat(assessment.problems().obec()).containsExactly(
                new Remark("P5001", "สพป.เชียงใหม่ เขต 1", "งบประมาณจัดสรรล่าช้า"));
        assertThat(assessment.problems().office()).containsExactly(
                new Remark("P5001", "สพป.เชียงใหม่ เขต 1", "บุคลากรไม่เพียงพอ, ขาดทักษะการวิเคราะห์ข้อมูล"));
        assertThat(assessment.recommendations().obec()).extracting(Remark::text)
                .containsExactly("ควรจัดสรรงบประมาณตามปฏิทิน");
        assertThat(assessment.recommendations().office()).extracting(Remark::text)
                .containsExactly("ควรนิเทศติดตามอย่างต่อเนื่อง");
        IndicatorRollup dropouts = indicator(rollup, RollupScenario.DROPOUTS);
        assertThat(dropouts.problems().obec()).isEmpty();
        assertThat(dropouts.problems().office()).extracting(Remark::officeCode).containsExactly("P5002");
    }

    @Test
    void qualityLevelsOfOfficesNationallyAndPerInspectionRegion() {
        RollupScenario scenario = RollupScenario.create(context, 2743);

        Rollup rollup = rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow();

        assertThat(rollup.offices()).extracting(Rollup.OfficeRow::officeCode, Rollup.OfficeRow::qualityLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P4001", 5),
                        org.assertj.core.groups.Tuple.tuple("P5001", 3),
                        org.assertj.core.groups.Tuple.tuple("P5002", 2),
                        org.assertj.core.groups.Tuple.tuple("S1001", 4),
                        org.assertj.core.groups.Tuple.tuple("S5000", null));
        assertThat(rollup.quality().officesWithLevel()).isEqualTo(4);
        assertThat(rollup.quality().officesWithoutLevel()).isEqualTo(1);
        assertThat(rollup.quality().levels()).containsExactly(new LevelCount(5, "5 ดีเยี่ยม", 1, 25.0),
                new LevelCount(4, "4 ดีมาก", 1, 25.0), new LevelCount(3, "3 ดี", 1, 25.0),
                new LevelCount(2, "2 พอใช้", 1, 25.0), new LevelCount(1, "1 ปรับปรุง", 0, 0.0));
        assertThat(rollup.quality().regions()).extracting(RegionLevels::regionCode).containsExactly("00", "12", "15");
        RegionLevels chiangMai = rollup.quality().regions().get(2);
        assertThat(chiangMai.regionNameTh()).isEqualTo("เขตตรวจราชการที่ 15");
        assertThat(chiangMai.levels()).containsExactly(Map.entry(5, 0), Map.entry(4, 0), Map.entry(3, 1),
                Map.entry(2, 1), Map.entry(1, 0));
        assertThat(chiangMai.withoutLevel()).isEqualTo(1);
        assertThat(chiangMai.offices()).isEqualTo(3);

        assertThat(rollups.rollup(scenario.cycleId, Round.ANNUAL).orElseThrow().quality().officesWithLevel()).isZero();
        assertThat(rollups.rollup(-1L, Round.MID_YEAR)).isEmpty();
    }

    @Test
    void suggestsAStratifiedSampleAndShowsTheSampleTheAdministratorSaved() {
        RollupScenario scenario = RollupScenario.create(context, 2744);
        Rollup rollup = rollups.rollup(scenario.cycleId, Round.MID_YEAR).orElseThrow();

        // four offices have a level, each alone in its (level, region) stratum; seed 001's share of 4 is 2 offices:
        // fewer than the strata, so the first strata in level order (5 in region 12, 4 in region 00) get one each
        SampleView suggestion = samples.view(rollup, null, false);
        assertThat(suggestion.saved()).isFalse();
        assertThat(suggestion.population()).isEqualTo(4);
        assertThat(suggestion.officesWithoutLevel()).isEqualTo(1);
        assertThat(suggestion.sampleSize()).isEqualTo(2);
        assertThat(RollupScenario.codes(suggestion.offices())).containsExactly("P4001", "S1001");
        assertThat(suggestion.byLevel()).extracting(LevelShare::qualityLevel, LevelShare::offices, LevelShare::chosen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(4, 1, 1), org.assertj.core.groups.Tuple.tuple(3, 1, 0),
                        org.assertj.core.groups.Tuple.tuple(2, 1, 0), org.assertj.core.groups.Tuple.tuple(1, 0, 0));
        assertThat(suggestion.strata()).hasSize(4);
        assertThat(RollupScenario.codes(samples.view(rollup, 3, false).offices()))
                .containsExactly("P4001", "S1001", "P5001");
        assertThat(samples.view(rollup, 3, false)).isEqualTo(samples.view(rollup, 3, false));

        // the administrator keeps P4001, drops S1001 and adds P5002 and S5000 (which has no level yet)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2041-06-05T07:05:00Z")));
        SampleView saved = samples.save(rollup, new SaveRequest(2, List.of("P4001", "p5002", "S5000")), "rollup.admin");

        assertThat(saved.saved()).isTrue();
        assertThat(saved.savedBy()).isEqualTo("rollup.admin");
        assertThat(saved.savedAtTh()).isEqualTo("5 มิถุนายน 2584 เวลา 14:05 น.");
        assertThat(saved.offices()).extracting(SampleView.SampleOffice::officeCode,
                        SampleView.SampleOffice::qualityLevelTh, SampleView.SampleOffice::chosenBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P4001", "5 ดีเยี่ยม", "SUGGESTED"),
                        org.assertj.core.groups.Tuple.tuple("P5002", "2 พอใช้", "ADMIN"),
                        org.assertj.core.groups.Tuple.tuple("S5000", null, "ADMIN"));
        assertThat(samples.view(rollup, null, false)).isEqualTo(saved);
        assertThat(samples.view(rollup, null, true).saved()).as("a fresh suggestion on request").isFalse();

        // refused: an office outside the cycle, a size beyond the frame; the saved sample stays as it was
        assertThatThrownBy(() -> samples.save(rollup, new SaveRequest(2, List.of("P4001", "P1000")), "rollup.admin"))
                .isInstanceOfSatisfying(FormValidationException.class,
                        refused -> assertThat(refused.getField()).isEqualTo("officeCodes"));
        assertThatThrownBy(() -> samples.save(rollup, new SaveRequest(5, List.of("P4001")), "rollup.admin"))
                .isInstanceOfSatisfying(FormValidationException.class,
                        refused -> assertThat(refused.getField()).isEqualTo("sampleSize"));
        assertThatThrownBy(() -> samples.save(rollup, new SaveRequest(2, List.of()), "rollup.admin"))
                .isInstanceOfSatisfying(FormValidationException.class,
                        refused -> assertThat(refused.getField()).isEqualTo("officeCodes"));
        assertThat(samples.view(rollup, null, false)).isEqualTo(saved);
    }

    private static IndicatorRollup indicator(Rollup rollup, String code) {
        return rollup.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }
}
