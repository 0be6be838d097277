package th.obec.apimr.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.support.TaskFormDriver;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormValidationException;

@TaskFormSpringTest
class AnalysisTasksTest {

    static final Instant NOW = Instant.parse("2022-11-15T03:00:00Z");

    @Autowired
    @Qualifier("taskForms")
    TaskListener taskForms;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    CycleService cycleService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AnalysisService analyses;
    @Autowired
    IndicatorCatalogue catalogue;

    TaskFormDriver driver;
    TestOffice office;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        driver = new TaskFormDriver(taskForms, processEngine);
        office = new TestOffices(cycleService, jdbc).newOffice();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void nationalAnalysisShowsTheCatalogueAndItsGuidanceReachesTheOffices() {
        TaskFormDriver.Task task = driver.instance(Map.of("cycleId", office.cycleId(), "fiscalYear", 2566))
                .open("Task_AnalyseNationalPolicy", "analyst");

        assertThat(task.form()).containsOnlyKeys("fiscalYear", "catalogueOverview", "policySummary", "focusPoints",
                "guidanceToOffices");
        assertThat(task.field("fiscalYear")).isEqualTo(2566);
        assertThat((String) task.field("catalogueOverview"))
                .startsWith("ตัวชี้วัดนโยบายเร่งด่วน ปีงบประมาณ พ.ศ. 2566")
                .contains("ตัวชี้วัดที่ 1 ", "ตัวชี้วัดที่ 6a ", "ตัวชี้วัดที่ 12 ", "(ด้านความปลอดภัย)");

        FormValidationException refused = task.refused(Map.of("policySummary", "นโยบายเร่งด่วน 12 ด้าน"));
        assertThat(refused.getField()).isEqualTo("guidanceToOffices");

        task.submitAs("it.analyst", Map.of("policySummary", "นโยบายเร่งด่วน 12 ด้าน",
                "focusPoints", "ความปลอดภัย โอกาส คุณภาพ ประสิทธิภาพ",
                "guidanceToOffices", "เลือกตัวชี้วัดที่สอดคล้องกับบริบทของพื้นที่"));

        NationalAnalysis saved = analyses.nationalAnalysis(office.cycleId()).orElseThrow();
        assertThat(saved.getSubmittedBy()).isEqualTo("it.analyst");
        assertThat(saved.getSubmittedAt()).isEqualTo(NOW);
        assertThat(analyses.nationalGuidance(office.cycleId())).hasValueSatisfying(guidance -> assertThat(guidance)
                .startsWith("แนวทางสำหรับเขตพื้นที่\nเลือกตัวชี้วัดที่สอดคล้องกับบริบทของพื้นที่")
                .contains("จุดเน้น\nความปลอดภัย", "สรุปนโยบาย\nนโยบายเร่งด่วน 12 ด้าน"));

        TaskFormDriver.Task officeTask = driver.instance(office.variables()).open("Task_AnalysePolicy", "coord");
        assertThat((String) officeTask.field("nationalGuidance")).contains("เลือกตัวชี้วัดที่สอดคล้องกับบริบทของพื้นที่");
    }

    @Test
    void officeFormListsEveryCatalogueIndicatorAndSavesTheChosenOnesInCatalogueOrder() {
        List<IndicatorView> indicators = catalogue.indicators(2566);
        TaskFormDriver.Task task = driver.instance(office.variables()).open("Task_AnalysePolicy", "coord");

        assertThat(task.form()).containsOnlyKeys("officeName", "fiscalYear", "nationalGuidance", "participants",
                "policyLinkage", "contextSummary", "indicatorTargets");
        assertThat(task.field("officeName")).isEqualTo(office.officeName());
        assertThat(task.field("fiscalYear")).isEqualTo(2566);
        JsonNode items = task.json("indicatorTargets");
        assertThat(items).hasSize(indicators.size()).hasSizeGreaterThanOrEqualTo(13);
        for (int i = 0; i < indicators.size(); i++) {
            assertThat(items.get(i).get("code").asText()).isEqualTo(indicators.get(i).code());
            assertThat(items.get(i).get("title").asText()).isEqualTo(indicators.get(i).titleTh());
            assertThat(items.get(i).get("chosen").asBoolean()).isFalse();
        }
        assertThat(analyses.chosenIndicatorCodes(office.officeCycleId())).isEmpty();

        List<Map<String, Object>> targets = targets(items, Map.of("6b", 70, "2", 90, "1", 80));
        task.submitAs("it.coord", Map.of("participants", "ผอ.สพท. รอง ผอ. ศึกษานิเทศก์",
                "policyLinkage", "เชื่อมโยงนโยบาย ศธ. สพฐ. และ QP กับบริบทของพื้นที่",
                "indicatorTargets", targets));

        assertThat(analyses.chosenIndicatorCodes(office.officeCycleId())).containsExactly("1", "2", "6b");
        OfficeAnalysis saved = analyses.officeAnalysis(office.officeCycleId()).orElseThrow();
        assertThat(saved.getSubmittedBy()).isEqualTo("it.coord");
        assertThat(saved.getSubmittedAt()).isEqualTo(NOW);
        assertThat(saved.getContextSummary()).isNull();
        assertThat(jdbc.queryForObject("select target_percent from office_analysis_target t join office_analysis a"
                + " on a.id = t.analysis_id where a.office_cycle_id = ? and t.indicator_code = '6b'",
                Integer.class, office.officeCycleId())).isEqualTo(70);

        // Opened again (e.g. after a migration), the form shows what was saved; a new choice replaces the old one
        TaskFormDriver.Task again = driver.instance(office.variables()).open("Task_AnalysePolicy", "coord");
        assertThat(again.field("participants")).isEqualTo("ผอ.สพท. รอง ผอ. ศึกษานิเทศก์");
        JsonNode shown = again.json("indicatorTargets");
        assertThat(shown.get(0).get("chosen").asBoolean()).isTrue();
        assertThat(shown.get(0).get("targetPercent").asInt()).isEqualTo(80);
        List<Map<String, Object>> changed = targets(shown, Map.of("12", 100));
        changed.get(0).put("targetPercent", 150); // hidden by the form once not chosen: ignored
        again.submit(Map.of("participants", "ผอ.สพท.", "policyLinkage", "ปรับตามบริบท",
                "indicatorTargets", changed));
        assertThat(analyses.chosenIndicatorCodes(office.officeCycleId())).containsExactly("12");
        assertThat(jdbc.queryForList("select t.indicator_code from office_analysis_target t join office_analysis a"
                + " on a.id = t.analysis_id where a.office_cycle_id = ? and t.target_percent is not null",
                String.class, office.officeCycleId())).containsExactly("12");
        assertThat(analyses.officeAnalysis(office.officeCycleId()).orElseThrow().getSubmittedBy()).isEqualTo("coord");
    }

    @Test
    void refusesAnAnalysisNamingTheFieldAndSavesNothing() {
        TaskFormDriver.Task task = driver.instance(office.variables()).open("Task_AnalysePolicy", "coord");
        JsonNode items = task.json("indicatorTargets");
        List<Map<String, Object>> good = targets(items, Map.of("1", 80));

        assertRefused(task, values(good, "participants", null), "participants", "จำเป็นต้องกรอก");
        assertRefused(task, values(good, "policyLinkage", "ก".repeat(4001)), "policyLinkage", "4000");
        assertRefused(task, values(targets(items, Map.of()), null, null), "indicatorTargets", "อย่างน้อย 1");

        List<Map<String, Object>> tooHigh = targets(items, Map.of("1", 80, "2", 120));
        assertRefused(task, values(tooHigh, null, null), "indicatorTargets[1].targetPercent", "100");

        List<Map<String, Object>> unknown = targets(items, Map.of("1", 80));
        unknown.get(3).put("code", "99");
        assertRefused(task, values(unknown, null, null), "indicatorTargets[3].code", "99");

        List<Map<String, Object>> longNote = targets(items, Map.of("1", 80));
        longNote.get(0).put("targetNote", "ข".repeat(301));
        assertRefused(task, values(longNote, null, null), "indicatorTargets[0].targetNote", "300");

        assertThat(analyses.officeAnalysis(office.officeCycleId())).isEmpty();
        assertThat(analyses.chosenIndicatorCodes(office.officeCycleId())).isEmpty();
    }

    private static void assertRefused(TaskFormDriver.Task task, Map<String, Object> values, String field,
                                      String messagePart) {
        FormValidationException refused = task.refused(values);
        assertThat(refused.getField()).isEqualTo(field);
        assertThat(refused.getMessage()).startsWith(field + ": ").contains(messagePart);
    }

    /** A valid submission with one field changed. */
    private static Map<String, Object> values(List<Map<String, Object>> targets, String field, Object value) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participants", "ผอ.สพท. และคณะทำงาน");
        values.put("policyLinkage", "เชื่อมโยงนโยบายกับบริบท");
        values.put("indicatorTargets", targets);
        if (field != null) {
            values.put(field, value);
        }
        return values;
    }

    /** The prefilled list as the user sends it back, with the given indicators chosen at the given targets. */
    private static List<Map<String, Object>> targets(JsonNode items, Map<String, Integer> chosen) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (JsonNode item : items) {
            String code = item.get("code").asText();
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("code", code);
            target.put("title", item.get("title").asText());
            target.put("chosen", chosen.containsKey(code));
            target.put("targetPercent", chosen.get(code));
            target.put("targetNote", chosen.containsKey(code) ? "เป้าหมายของเขต" : null);
            targets.add(target);
        }
        return targets;
    }
}
