package th.obec.apimr.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import th.obec.apimr.rollup.Rollup.IndicatorRollup;
import th.obec.apimr.rollup.Rollup.LevelCount;
import th.obec.apimr.rollup.Rollup.LevelTotal;
import th.obec.apimr.rollup.Rollup.MeasureRollup;
import th.obec.apimr.rollup.Rollup.OfficeRow;
import th.obec.apimr.rollup.Rollup.PracticeEntry;
import th.obec.apimr.rollup.Rollup.RegionLevels;
import th.obec.apimr.rollup.Rollup.Remark;
import th.obec.apimr.rollup.SampleView.SampleOffice;
import th.obec.apimr.rollup.SampleView.StratumShare;

/**
 * The roll-up as tables with Thai headers, shared by the CSV (one section after another) and the Excel workbook
 * (one sheet each). A cell is a String, a Long / Integer, a Double percentage, or null for empty.
 */
final class RollupTables {

    private RollupTables() {
    }

    /** A titled table: its sheet name (at most 31 characters), header and rows. */
    record Table(String title, String sheetName, List<String> header, List<List<Object>> rows) {
    }

    static List<Table> of(Rollup rollup, SampleView sample) {
        return List.of(summary(rollup, sample), measures(rollup), practices(rollup), remarks(rollup),
                quality(rollup), regions(rollup), offices(rollup), sample(sample), strata(sample));
    }

    static Table summary(Rollup rollup, SampleView sample) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("ปีงบประมาณ", (long) rollup.fiscalYear()));
        rows.add(row("รอบการรายงาน", rollup.roundLabelTh()));
        rows.add(row("กำหนดส่งรายงาน", rollup.reportDeadlineTh()));
        rows.add(row("สพท. ที่ร่วมวงจร (เขต)", (long) rollup.officesTakingPart()));
        rows.add(row("สพท. ที่ส่งรายงานครบ (เขต)", (long) rollup.officesSubmitted()));
        rows.add(row("สพท. ที่ส่งครบตามกำหนด (เขต)", (long) rollup.officesOnTime()));
        rows.add(row("สพท. ที่ผ่านการกลั่นกรองครบ (เขต)", (long) rollup.officesAccepted()));
        rows.add(row("รายงานที่ส่งแล้ว (ฉบับ)", (long) rollup.reportsSubmitted()));
        rows.add(row("รายงานที่ผ่านการกลั่นกรอง (ฉบับ)", (long) rollup.reportsAccepted()));
        rows.add(row("กลุ่มตัวอย่างติดตามเชิงประจักษ์ (เขต)", (long) sample.offices().size()));
        rows.add(row("สถานะกลุ่มตัวอย่าง", sample.saved()
                ? "บันทึกแล้วโดย " + sample.savedBy() + " เมื่อ " + sample.savedAtTh()
                : "ข้อเสนอจากการสุ่มแบบแบ่งชั้น (ยังไม่บันทึก)"));
        return new Table("สรุปผลการติดตาม " + rollup.titleTh(), "สรุป", List.of("รายการ", "ค่า"), rows);
    }

    static Table measures(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorRollup indicator : rollup.indicators()) {
            for (MeasureRollup measure : indicator.measures()) {
                rows.add(row(indicator.code(), indicator.titleTh(), measure.levelTh(), measure.achievedLabelTh(),
                        measure.baseLabelTh(), (long) measure.reports(), measure.achieved(), measure.base(),
                        measure.percent()));
            }
            for (LevelTotal total : indicator.levelTotals()) {
                rows.add(row(indicator.code(), indicator.titleTh(), total.levelTh(), "รวม " + total.levelTh(), null,
                        null, total.achieved(), total.base(), total.percent()));
            }
            if (indicator.base() > 0) {
                rows.add(row(indicator.code(), indicator.titleTh(), "รวม", "รวมทั้งตัวชี้วัด", null,
                        (long) indicator.reportsSubmitted(), indicator.achieved(), indicator.base(),
                        indicator.percent()));
            }
        }
        return new Table("ผลการดำเนินงานรายตัวชี้วัด", "ผลรายตัวชี้วัด",
                List.of("ตัวชี้วัด", "ชื่อตัวชี้วัด", "สังกัด", "รายการ", "ฐาน", "จำนวนรายงาน", "ผลการดำเนินงาน",
                        "จำนวนทั้งหมด", "ร้อยละ"), rows);
    }

    static Table practices(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorRollup indicator : rollup.indicators()) {
            for (PracticeEntry practice : indicator.practices()) {
                rows.add(row(indicator.code(), practice.officeCode(), practice.officeName(), practice.name(),
                        practice.ownerName(), practice.description()));
            }
        }
        return new Table("วิธีการปฏิบัติที่เป็นเลิศ/นวัตกรรม", "วิธีปฏิบัติที่เป็นเลิศ",
                List.of("ตัวชี้วัด", "รหัส สพท.", "สพท.", "ชื่อผลงาน", "เจ้าของผลงาน", "รายละเอียด"), rows);
    }

    static Table remarks(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (IndicatorRollup indicator : rollup.indicators()) {
            remarkRows(rows, indicator.code(), "ปัญหา อุปสรรค", "สพฐ.", indicator.problems().obec());
            remarkRows(rows, indicator.code(), "ปัญหา อุปสรรค", "สพท.", indicator.problems().office());
            remarkRows(rows, indicator.code(), "ข้อเสนอแนะ", "สพฐ.", indicator.recommendations().obec());
            remarkRows(rows, indicator.code(), "ข้อเสนอแนะ", "สพท.", indicator.recommendations().office());
        }
        return new Table("ปัญหา อุปสรรค และข้อเสนอแนะ", "ปัญหาและข้อเสนอแนะ",
                List.of("ตัวชี้วัด", "ประเภท", "ระดับ", "รหัส สพท.", "สพท.", "ข้อความ"), rows);
    }

    private static void remarkRows(List<List<Object>> rows, String code, String kind, String level,
                                   List<Remark> remarks) {
        for (Remark remark : remarks) {
            rows.add(row(code, kind, level, remark.officeCode(), remark.officeName(), remark.text()));
        }
    }

    static Table quality(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (LevelCount level : rollup.quality().levels()) {
            rows.add(row(level.labelTh(), (long) level.offices(), level.percent()));
        }
        rows.add(row("ยังไม่มีระดับคุณภาพ", (long) rollup.quality().officesWithoutLevel(), null));
        return new Table("ระดับคุณภาพของ สพท.", "ระดับคุณภาพ", List.of("ระดับคุณภาพ", "จำนวน (เขต)", "ร้อยละ"), rows);
    }

    static Table regions(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (RegionLevels region : rollup.quality().regions()) {
            List<Object> row = new ArrayList<>(List.of(region.regionCode() == null ? "" : region.regionCode(),
                    region.regionNameTh() == null ? "" : region.regionNameTh()));
            region.levels().values().forEach(count -> row.add((long) count));
            row.add((long) region.withoutLevel());
            row.add((long) region.offices());
            rows.add(row);
        }
        return new Table("ระดับคุณภาพรายเขตตรวจราชการ", "ระดับคุณภาพรายเขตตรวจ",
                List.of("รหัสเขตตรวจราชการ", "เขตตรวจราชการ", "5 ดีเยี่ยม", "4 ดีมาก", "3 ดี", "2 พอใช้", "1 ปรับปรุง",
                        "ยังไม่มีระดับ", "รวม (เขต)"), rows);
    }

    static Table offices(Rollup rollup) {
        List<List<Object>> rows = new ArrayList<>();
        for (OfficeRow office : rollup.offices()) {
            rows.add(row(office.officeCode(), office.officeName(), office.regionNameTh(),
                    (long) office.reportsExpected(), (long) office.reportsSubmitted(), (long) office.reportsAccepted(),
                    office.onTime() ? "ตรงเวลา" : "ไม่ครบ/ล่าช้า", office.qualityLevelTh()));
        }
        return new Table("ผลรายสำนักงานเขตพื้นที่การศึกษา", "ราย สพท.",
                List.of("รหัส สพท.", "สพท.", "เขตตรวจราชการ", "รายงานที่ต้องส่ง", "ส่งแล้ว", "ผ่านการกลั่นกรอง",
                        "การส่งตามกำหนด", "ระดับคุณภาพ"), rows);
    }

    static Table sample(SampleView sample) {
        List<List<Object>> rows = new ArrayList<>();
        for (SampleOffice office : sample.offices()) {
            rows.add(row(office.officeCode(), office.officeName(), office.regionNameTh(), office.qualityLevelTh(),
                    office.chosenByTh()));
        }
        return new Table("กลุ่มตัวอย่างติดตามเชิงประจักษ์" + (sample.saved() ? "" : " (ข้อเสนอ ยังไม่บันทึก)"),
                "กลุ่มตัวอย่าง", List.of("รหัส สพท.", "สพท.", "เขตตรวจราชการ", "ระดับคุณภาพ", "ที่มา"), rows);
    }

    static Table strata(SampleView sample) {
        List<List<Object>> rows = new ArrayList<>();
        for (StratumShare stratum : sample.strata()) {
            rows.add(row(stratum.qualityLevelTh(), stratum.regionNameTh(), (long) stratum.offices(),
                    (long) stratum.chosen()));
        }
        return new Table("การจัดสรรกลุ่มตัวอย่างตามระดับคุณภาพและเขตตรวจราชการ", "การจัดสรรตัวอย่าง",
                List.of("ระดับคุณภาพ", "เขตตรวจราชการ", "จำนวน สพท. (เขต)", "กลุ่มตัวอย่าง (เขต)"), rows);
    }

    /** A percentage as written in the CSV: two decimals. */
    static String percent(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
