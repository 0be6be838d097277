package th.obec.apimr.office;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the inspection region CSV ({@code data/inspection-regions.csv}). */
final class RegionCsv {

    static final String CODE = "code";
    static final String NAME_TH = "name_th";
    static final String NAME_EN = "name_en";
    static final String PROVINCES_TH = "provinces_th";
    static final String PROVINCES_EN = "provinces_en";

    private static final List<String> REQUIRED = List.of(CODE, NAME_TH, NAME_EN, PROVINCES_TH);
    private static final Pattern REGION_CODE = Pattern.compile("[0-9]{2}");

    private RegionCsv() {
    }

    /** Every row, validated; the first problem refuses the whole file. */
    static List<RegionRecord> read(byte[] content) {
        CsvTable table = CsvTable.parse(content);
        CsvColumns columns = CsvColumns.of(table, REQUIRED);
        List<RegionRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            columns.checkWidth(row);
            String code = columns.required(row, CODE, "รหัสเขตตรวจราชการ", "region code");
            if (!REGION_CODE.matcher(code).matches()) {
                throw columns.problem(row, CODE, "รหัสเขตตรวจราชการต้องเป็นตัวเลขสองหลัก 00-18 แต่พบ " + code
                        + " (region code must be two digits, found " + code + ")");
            }
            if (!seen.add(code)) {
                throw columns.problem(row, CODE, "รหัสเขตตรวจราชการ " + code + " ซ้ำ (duplicate region code " + code + ")");
            }
            String nameTh = columns.required(row, NAME_TH, "ชื่อเขตตรวจราชการ", "Thai name");
            String nameEn = columns.required(row, NAME_EN, "ชื่อภาษาอังกฤษ", "English name");
            String provincesTh = ProvinceList.normalise(columns.required(row, PROVINCES_TH, "รายชื่อจังหวัด", "province list"));
            String provincesEn = ProvinceList.normalise(columns.value(row, PROVINCES_EN));
            records.add(new RegionRecord(code, nameTh, nameEn, provincesTh, provincesEn.isEmpty() ? null : provincesEn));
        }
        return records;
    }
}
