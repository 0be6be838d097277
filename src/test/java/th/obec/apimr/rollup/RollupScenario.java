package th.obec.apimr.rollup;

import static th.obec.apimr.report.ReportFixtures.count;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.report.ReportFixtures;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;

/**
 * Five offices of a cycle of their own in known states after the 6-month round, reported as Tasklist would:
 * <pre>
 * office            region  ind. 2 (drop-outs helped)      ind. 4 (schools using results)       office level
 * P4001 สพป.ขอนแก่น 1   12   150/200 + practice, accepted 5   primary 80/100, accepted 4            4.5 -> 5
 * P5001 สพป.เชียงใหม่ 1  15   -                              primary 30/50 + OBEC/office remarks,   3
 *                                                            accepted 3
 * P5002 สพป.เชียงใหม่ 2  15   30/40 + office problem, acc. 2   -                                     2
 * S1001 สพม.กรุงเทพฯ 1  00   -                              secondary 20/40 + practice, acc. 4     4
 * S5000 สพม.เชียงใหม่   15   0/10, returned                  secondary 15/20, waiting for review   none
 * </pre>
 */
final class RollupScenario {

    static final String DROPOUTS = "2";
    static final String ASSESSMENT = "4";
    static final String PRIMARY_SCHOOLS = "SCHOOLS_USING_RESULTS_PRIMARY";
    static final String SECONDARY_SCHOOLS = "SCHOOLS_USING_RESULTS_SECONDARY";

    final Long cycleId;
    final int fiscalYear;

    private RollupScenario(Long cycleId, int fiscalYear) {
        this.cycleId = cycleId;
        this.fiscalYear = fiscalYear;
    }

    static RollupScenario create(ApplicationContext context, int fiscalYear) {
        ReportFixtures fixtures = new ReportFixtures(context);
        List<TestOffice> offices = fixtures.cycle(fiscalYear, "P4001", "P5001", "P5002", "S1001", "S5000");
        TestOffice khonKaen = offices.get(0);
        TestOffice chiangMai1 = offices.get(1);
        TestOffice chiangMai2 = offices.get(2);
        TestOffice bangkok = offices.get(3);
        TestOffice chiangMaiSecondary = offices.get(4);

        Map<String, Object> form = ReportFixtures.form(List.of(count("DROPOUTS_HELPED", 150, 200)));
        form.put("practices", List.of(practice("อาสาสมัครพาน้องกลับมาเรียน (อสร.)", "สพป.ขอนแก่น เขต 1",
                "ค้นหา ติดตาม และช่วยเหลือเด็กออกกลางคันด้วย 4A Model")));
        accept(fixtures, khonKaen, DROPOUTS, form, 5);
        accept(fixtures, khonKaen, ASSESSMENT, ReportFixtures.form(List.of(count(PRIMARY_SCHOOLS, 80, 100))), 4);

        form = ReportFixtures.form(List.of(count(PRIMARY_SCHOOLS, 30, 50)));
        form.put("problemsObec", "งบประมาณจัดสรรล่าช้า");
        form.put("problemsOffice", "บุคลากรไม่เพียงพอ, ขาดทักษะการวิเคราะห์ข้อมูล");
        form.put("recommendationsObec", "ควรจัดสรรงบประมาณตามปฏิทิน");
        form.put("recommendationsOffice", "ควรนิเทศติดตามอย่างต่อเนื่อง");
        accept(fixtures, chiangMai1, ASSESSMENT, form, 3);

        form = ReportFixtures.form(List.of(count("DROPOUTS_HELPED", 30, 40)));
        form.put("problemsOffice", "ผู้ปกครองย้ายถิ่นฐาน \"ตามฤดูกาล\"");
        accept(fixtures, chiangMai2, DROPOUTS, form, 2);

        form = ReportFixtures.form(List.of(count(SECONDARY_SCHOOLS, 20, 40)));
        form.put("practices", List.of(practice("PNW CARE+", "โรงเรียนปลายนาวิทยา", null)));
        accept(fixtures, bangkok, ASSESSMENT, form, 4);

        TaskStub returned = fixtures.submit(chiangMaiSecondary, Round.MID_YEAR, DROPOUTS,
                List.of(count("DROPOUTS_HELPED", 0, 10)));
        fixtures.review(returned, chiangMaiSecondary, Round.MID_YEAR, DROPOUTS, "RETURN", null, "ยังไม่ครบ");
        fixtures.submit(chiangMaiSecondary, Round.MID_YEAR, ASSESSMENT, List.of(count(SECONDARY_SCHOOLS, 15, 20)));
        return new RollupScenario(khonKaen.cycleId(), fiscalYear);
    }

    private static void accept(ReportFixtures fixtures, TestOffice office, String code, Map<String, Object> form,
                               int level) {
        TaskStub submitted = fixtures.complete(ReportFixtures.submitTask(office, Round.MID_YEAR, code), form);
        fixtures.review(submitted, office, Round.MID_YEAR, code, "ACCEPT", level, null);
    }

    private static Map<String, Object> practice(String name, String ownerName, String description) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("ownerName", ownerName);
        item.put("description", description);
        return item;
    }

    static List<String> codes(List<SampleView.SampleOffice> offices) {
        List<String> codes = new ArrayList<>();
        offices.forEach(office -> codes.add(office.officeCode()));
        return codes;
    }
}
