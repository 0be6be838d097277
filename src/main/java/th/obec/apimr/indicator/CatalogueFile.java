package th.obec.apimr.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One fiscal year's indicator catalogue as written in {@code data/indicators/fy<year>.json}, validated. The
 * file's layout:
 * <pre>
 * { "fiscalYear": 2566, "nameTh": "...", "nameEn": "...", "source": "...",
 *   "indicators": [ { "code": "1", "sortOrder": 1, "dimension": "SAFETY", "titleTh": "...", "titleEn": "...",
 *                     "measures": [ { "code": "NEW_THREATS", "achievedLabelTh": "...", "baseLabelTh": "...",
 *                                     "labelEn": "...", "level": "ALL", "note": "..." } ] } ] }
 * </pre>
 * {@code sortOrder} defaults to the position in the list; {@code baseLabelTh} may be null for a plain count;
 * {@code level} defaults to ALL; {@code note} documents the entry and is not stored.
 */
record CatalogueFile(int fiscalYear, String nameTh, String nameEn, String source, List<Entry> indicators) {

    record Entry(String code, int sortOrder, String titleTh, String titleEn, Dimension dimension,
                 List<Measure> measures) {
    }

    record Measure(String code, String achievedLabelTh, String baseLabelTh, String labelEn, MeasureLevel level) {
    }

    /** A catalogue file that cannot be loaded; the message names the file and the place in it. */
    static class InvalidCatalogueException extends RuntimeException {
        InvalidCatalogueException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // The file as written, before validation.
    record JsonCatalogue(Integer fiscalYear, String nameTh, String nameEn, String source,
                         List<JsonIndicator> indicators) {
    }

    record JsonIndicator(String code, Integer sortOrder, String dimension, String titleTh, String titleEn,
                         List<JsonMeasure> measures) {
    }

    record JsonMeasure(String code, String achievedLabelTh, String baseLabelTh, String labelEn, String level,
                       String note) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INDICATOR_CODE = Pattern.compile("[0-9A-Za-z.\\-]{1,16}");
    private static final Pattern MEASURE_CODE = Pattern.compile("[A-Z0-9_]{1,48}");

    static CatalogueFile read(InputStream in, String fileName) {
        JsonCatalogue json;
        try {
            json = JSON.readValue(in, JsonCatalogue.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogueException(fileName + ": ไฟล์ JSON ไม่ถูกต้อง (invalid JSON): "
                    + e.getOriginalMessage() + " at " + e.getLocation(), e);
        } catch (IOException e) {
            throw new InvalidCatalogueException(fileName + ": อ่านไฟล์ไม่ได้ (cannot read the file)", e);
        }
        return new Validator(fileName).validate(json);
    }

    private static final class Validator {

        private final String fileName;

        Validator(String fileName) {
            this.fileName = fileName;
        }

        CatalogueFile validate(JsonCatalogue json) {
            if (json == null) {
                throw invalid("", "ไฟล์ว่าง", "empty file");
            }
            if (json.fiscalYear() == null || json.fiscalYear() < 2500 || json.fiscalYear() > 2700) {
                throw invalid("fiscalYear", "ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2566", "must be a Buddhist-era fiscal year, e.g. 2566");
            }
            String nameTh = text(json.nameTh(), "nameTh", 300, true);
            String nameEn = text(json.nameEn(), "nameEn", 300, true);
            String source = text(json.source(), "source", 1000, false);
            if (json.indicators() == null || json.indicators().isEmpty()) {
                throw invalid("indicators", "ต้องมีตัวชี้วัดอย่างน้อยหนึ่งตัว", "at least one indicator is required");
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            Set<Integer> orders = new HashSet<>();
            for (int i = 0; i < json.indicators().size(); i++) {
                Entry entry = indicator(json.indicators().get(i), "indicators[" + i + "]", i + 1);
                if (!codes.add(entry.code().toLowerCase(Locale.ROOT))) {
                    throw invalid("indicators[" + i + "].code", "รหัสตัวชี้วัด " + entry.code() + " ซ้ำ",
                            "duplicate indicator code " + entry.code());
                }
                if (!orders.add(entry.sortOrder())) {
                    throw invalid("indicators[" + i + "].sortOrder", "ลำดับ " + entry.sortOrder() + " ซ้ำ",
                            "duplicate sort order " + entry.sortOrder());
                }
                entries.add(entry);
            }
            return new CatalogueFile(json.fiscalYear(), nameTh, nameEn, source, List.copyOf(entries));
        }

        private Entry indicator(JsonIndicator json, String path, int position) {
            if (json == null) {
                throw invalid(path, "ว่าง", "empty entry");
            }
            String code = text(json.code(), path + ".code", 16, true);
            if (!INDICATOR_CODE.matcher(code).matches()) {
                throw invalid(path + ".code", "รหัสตัวชี้วัดใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข จุด และขีด",
                        "indicator codes use letters, digits, dots and dashes only");
            }
            int sortOrder = json.sortOrder() == null ? position : json.sortOrder();
            Dimension dimension = dimension(json.dimension(), path + ".dimension");
            String titleTh = text(json.titleTh(), path + ".titleTh", 500, true);
            String titleEn = text(json.titleEn(), path + ".titleEn", 300, true);
            if (json.measures() == null || json.measures().isEmpty()) {
                throw invalid(path + ".measures", "ต้องมีรายการข้อมูลอย่างน้อยหนึ่งรายการ", "at least one measure is required");
            }
            List<Measure> measures = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < json.measures().size(); i++) {
                Measure measure = measure(json.measures().get(i), path + ".measures[" + i + "]");
                if (!codes.add(measure.code())) {
                    throw invalid(path + ".measures[" + i + "].code", "รหัส " + measure.code() + " ซ้ำในตัวชี้วัดเดียวกัน",
                            "duplicate measure code " + measure.code());
                }
                measures.add(measure);
            }
            return new Entry(code, sortOrder, titleTh, titleEn, dimension, List.copyOf(measures));
        }

        private Measure measure(JsonMeasure json, String path) {
            if (json == null) {
                throw invalid(path, "ว่าง", "empty entry");
            }
            String code = text(json.code(), path + ".code", 48, true);
            if (!MEASURE_CODE.matcher(code).matches()) {
                throw invalid(path + ".code", "รหัสใช้ได้เฉพาะ A-Z 0-9 และ _", "measure codes use A-Z, 0-9 and _ only");
            }
            String achieved = text(json.achievedLabelTh(), path + ".achievedLabelTh", 500, true);
            String base = text(json.baseLabelTh(), path + ".baseLabelTh", 500, false);
            String labelEn = text(json.labelEn(), path + ".labelEn", 300, true);
            MeasureLevel level = level(json.level(), path + ".level");
            return new Measure(code, achieved, base, labelEn, level);
        }

        private Dimension dimension(String value, String path) {
            try {
                return Dimension.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(path, "ต้องเป็น SAFETY, OPPORTUNITY, QUALITY หรือ EFFICIENCY แต่พบ " + value,
                        "must be SAFETY, OPPORTUNITY, QUALITY or EFFICIENCY, found " + value);
            }
        }

        private MeasureLevel level(String value, String path) {
            if (value == null || value.isBlank()) {
                return MeasureLevel.ALL;
            }
            try {
                return MeasureLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(path, "ต้องเป็น ALL, PRIMARY หรือ SECONDARY แต่พบ " + value,
                        "must be ALL, PRIMARY or SECONDARY, found " + value);
            }
        }

        private String text(String value, String path, int maxLength, boolean required) {
            String trimmed = value == null ? null : value.trim();
            if (trimmed == null || trimmed.isEmpty()) {
                if (required) {
                    throw invalid(path, "ต้องไม่ว่าง", "is required");
                }
                return null;
            }
            if (trimmed.length() > maxLength) {
                throw invalid(path, "ยาวเกิน " + maxLength + " ตัวอักษร", "longer than " + maxLength + " characters");
            }
            return trimmed;
        }

        private InvalidCatalogueException invalid(String path, String reasonTh, String reasonEn) {
            return new InvalidCatalogueException(fileName + ": " + path + ": " + reasonTh + " (" + reasonEn + ")", null);
        }
    }
}
