package th.obec.apimr.office;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the office CSV ({@code data/offices.csv}): the columns of the published office list plus
 * {@code office_code} first. Extra columns (derived_area_code, region_note, confidence) are allowed and ignored.
 */
final class OfficeCsv {

    static final String OFFICE_CODE = "office_code";
    static final String OFFICE_TYPE = "office_type";
    static final String SHORT_NAME_TH = "short_name_th";
    static final String FULL_NAME_TH = "full_name_th";
    static final String AREA_NO = "area_no";
    static final String PROVINCES_TH = "provinces_th";
    static final String SEAT_PROVINCE_CODE = "seat_province_code";
    static final String SEAT_PROVINCE_EN = "seat_province_en";
    static final String INSPECTION_REGION = "inspection_region";

    static final List<String> REQUIRED = List.of(OFFICE_CODE, OFFICE_TYPE, SHORT_NAME_TH, FULL_NAME_TH, AREA_NO,
            PROVINCES_TH, SEAT_PROVINCE_CODE, SEAT_PROVINCE_EN, INSPECTION_REGION);

    /** The inspection region value for Bangkok's offices, which belong to no numbered region. */
    static final String CENTRAL_REGION_TH = "ส่วนกลาง";
    static final String CENTRAL_REGION_CODE = "00";

    private static final Pattern CODE = Pattern.compile("[PS][0-9]{4}");
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
    private static final Pattern AREA = Pattern.compile("[0-9]{1,2}");
    private static final Pattern REGION_NUMBER = Pattern.compile("[0-9]{1,2}");

    private OfficeCsv() {
    }

    /** Every row, validated against the known region codes; the first problem refuses the whole file. */
    static List<OfficeRecord> read(byte[] content, Set<String> knownRegions) {
        CsvTable table = CsvTable.parse(content);
        CsvColumns columns = CsvColumns.of(table, REQUIRED);
        if (table.rows().isEmpty()) {
            throw new ImportRejectedException(new ImportProblem(null, 2, null,
                    "ไฟล์ไม่มีข้อมูลสำนักงานเขตพื้นที่ (the file has no office rows)"));
        }
        List<OfficeRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            columns.checkWidth(row);
            records.add(readRow(columns, row, seen, knownRegions));
        }
        return records;
    }

    private static OfficeRecord readRow(CsvColumns columns, CsvTable.Row row, Set<String> seen,
                                        Set<String> knownRegions) {
        String code = columns.required(row, OFFICE_CODE, "รหัสสำนักงาน", "office code").toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw columns.problem(row, OFFICE_CODE, "รหัสสำนักงาน " + code
                    + " ไม่ถูกรูปแบบ ต้องเป็น P หรือ S ตามด้วยตัวเลข 4 หลัก เช่น P5002"
                    + " (office code " + code + " must be P or S followed by four digits, e.g. P5002)");
        }
        if (!seen.add(code)) {
            throw columns.problem(row, OFFICE_CODE, "รหัสสำนักงาน " + code + " ซ้ำ (duplicate office code " + code + ")");
        }
        String typeValue = columns.value(row, OFFICE_TYPE);
        OfficeType type = OfficeType.fromCsv(typeValue).orElseThrow(() -> columns.problem(row, OFFICE_TYPE,
                "ไม่รู้จักประเภทสำนักงาน \"" + typeValue + "\" ต้องเป็น สพป. หรือ สพม."
                        + " (unknown office type \"" + typeValue + "\": expected สพป. or สพม.)"));
        if (code.charAt(0) != type.codePrefix()) {
            throw columns.problem(row, OFFICE_CODE, "รหัสสำนักงาน " + code + " ไม่ตรงกับประเภท " + type.abbreviationTh()
                    + " ต้องขึ้นต้นด้วย " + type.codePrefix()
                    + " (office code " + code + " does not match the office type: expected prefix " + type.codePrefix() + ")");
        }
        String shortName = columns.required(row, SHORT_NAME_TH, "ชื่อย่อสำนักงาน", "short name");
        String fullName = columns.required(row, FULL_NAME_TH, "ชื่อเต็มสำนักงาน", "full name");
        Integer areaNo = areaNo(columns, row);
        String provinces = ProvinceList.normalise(columns.required(row, PROVINCES_TH, "รายชื่อจังหวัด", "province list"));
        String seatCode = columns.required(row, SEAT_PROVINCE_CODE, "รหัสจังหวัดที่ตั้ง", "seat province code");
        if (!TWO_DIGITS.matcher(seatCode).matches()) {
            throw columns.problem(row, SEAT_PROVINCE_CODE, "รหัสจังหวัดที่ตั้งต้องเป็นตัวเลขสองหลัก แต่พบ " + seatCode
                    + " (seat province code must be two digits, found " + seatCode + ")");
        }
        String seatName = columns.required(row, SEAT_PROVINCE_EN, "ชื่อจังหวัดที่ตั้ง (ภาษาอังกฤษ)", "seat province name");
        String region = regionCode(columns, row, knownRegions);
        return new OfficeRecord(code, type, shortName, fullName, areaNo, provinces, seatCode, seatName, region);
    }

    private static Integer areaNo(CsvColumns columns, CsvTable.Row row) {
        String value = columns.value(row, AREA_NO);
        if (value.isEmpty()) {
            return null;
        }
        if (!AREA.matcher(value).matches() || Integer.parseInt(value) == 0) {
            throw columns.problem(row, AREA_NO, "เลขเขตพื้นที่ต้องเป็นตัวเลข 1-99 หรือว่าง แต่พบ " + value
                    + " (area number must be 1-99 or empty, found " + value + ")");
        }
        return Integer.valueOf(value);
    }

    /** {@code ส่วนกลาง} is region 00; numbers are written with two digits. */
    private static String regionCode(CsvColumns columns, CsvTable.Row row, Set<String> knownRegions) {
        String value = columns.required(row, INSPECTION_REGION, "เขตตรวจราชการ", "inspection region");
        String code = value;
        if (CENTRAL_REGION_TH.equals(value)) {
            code = CENTRAL_REGION_CODE;
        } else if (REGION_NUMBER.matcher(value).matches()) {
            code = value.length() == 1 ? "0" + value : value;
        }
        if (!knownRegions.contains(code)) {
            throw columns.problem(row, INSPECTION_REGION, "ไม่รู้จักเขตตรวจราชการ \"" + value
                    + "\" ต้องเป็น 1-18 หรือ ส่วนกลาง (unknown inspection region \"" + value + "\")");
        }
        return code;
    }
}
