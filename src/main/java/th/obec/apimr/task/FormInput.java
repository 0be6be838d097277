package th.obec.apimr.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a user submitted, read field by field with the server-side checks every form needs. Each reader names
 * the field in its {@link FormValidationException} (with its position inside a dynamic list, e.g.
 * {@code projects[2].budget}), accepts what Tasklist sends (numbers as numbers or text, lists as JSON) and trims
 * text. Blank text counts as missing.
 */
public final class FormInput {

    /** Longest text a one-line field takes (the forms' textfield limit). */
    public static final int TEXTFIELD = 300;
    /** Longest text a multi-line field takes (the forms' textarea limit, and the engine's text variable size). */
    public static final int TEXTAREA = 4000;

    /** Upper bound for counts (students, schools, ...): far above any real figure, far below overflow. */
    public static final long MAX_COUNT = 1_000_000_000L;

    private final String prefix;
    private final Function<String, Object> values;
    private final FormVariables formVariables;

    private FormInput(String prefix, Function<String, Object> values, FormVariables formVariables) {
        this.prefix = prefix;
        this.values = values;
        this.formVariables = formVariables;
    }

    static FormInput of(VariableScope scope, FormVariables formVariables) {
        return new FormInput("", scope::getVariable, formVariables);
    }

    /** Reads from plain values, as an API request or a start form delivers them. */
    public static FormInput of(Map<String, ?> values, FormVariables formVariables) {
        return new FormInput("", values::get, formVariables);
    }

    /** The full name of a field as the user sees it in an error. */
    public String path(String key) {
        return prefix + key;
    }

    public FormValidationException error(String key, String reasonTh, String reasonEn) {
        return new FormValidationException(path(key), reasonTh, reasonEn);
    }

    public boolean isPresent(String key) {
        Object value = scalar(key);
        return value != null && !(value instanceof String s && s.isBlank());
    }

    /** Optional text, trimmed; null when blank. */
    public String text(String key, int maxLength) {
        Object value = scalar(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            throw error(key, "ต้องเป็นข้อความ", "must be text");
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw error(key, "ยาวเกิน " + maxLength + " ตัวอักษร", "longer than " + maxLength + " characters");
        }
        return text;
    }

    public String requiredText(String key, int maxLength) {
        String text = text(key, maxLength);
        if (text == null) {
            throw missing(key);
        }
        return text;
    }

    /** Optional whole number within [min, max]. */
    public Long number(String key, long min, long max) {
        Object value = scalar(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        BigDecimal decimal = decimal(key, value);
        if (decimal.stripTrailingZeros().scale() > 0) {
            throw error(key, "ต้องเป็นจำนวนเต็ม", "must be a whole number");
        }
        if (decimal.compareTo(BigDecimal.valueOf(min)) < 0) {
            throw error(key, min == 0 ? "ต้องไม่ติดลบ" : "ต้องไม่น้อยกว่า " + min,
                    min == 0 ? "must not be negative" : "must be at least " + min);
        }
        if (decimal.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw error(key, "ต้องไม่เกิน " + max, "must be at most " + max);
        }
        return decimal.longValueExact();
    }

    public long requiredNumber(String key, long min, long max) {
        Long number = number(key, min, max);
        if (number == null) {
            throw missing(key);
        }
        return number;
    }

    /** Optional count of people or units: a whole number from 0 to {@link #MAX_COUNT}. */
    public Long count(String key) {
        return number(key, 0, MAX_COUNT);
    }

    /** Optional amount of money in baht: not negative, at most two decimals, at most {@code max}. */
    public BigDecimal amount(String key, BigDecimal max) {
        Object value = scalar(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        BigDecimal amount = decimal(key, value);
        if (amount.signum() < 0) {
            throw error(key, "ต้องไม่ติดลบ", "must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw error(key, "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง", "at most two decimals");
        }
        if (amount.compareTo(max) > 0) {
            throw error(key, "เกินวงเงินสูงสุด " + max.toPlainString() + " บาท",
                    "exceeds the maximum of " + max.toPlainString() + " baht");
        }
        return amount.setScale(2);
    }

    /** Optional date, ISO {@code yyyy-MM-dd} (what a date field submits). */
    public LocalDate date(String key) {
        Object value = scalar(key);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw error(key, "วันที่ไม่ถูกต้อง ต้องอยู่ในรูป ปปปป-ดด-วว (ค.ศ.)", "not a date in the form yyyy-MM-dd");
        }
    }

    /** A checkbox: missing means false. */
    public boolean flag(String key) {
        Object value = scalar(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase();
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw error(key, "ต้องเป็น จริง หรือ เท็จ", "must be true or false");
        };
    }

    /** Optional value from a fixed set (select, radio). */
    public String choice(String key, Collection<String> allowed) {
        String value = text(key, 100);
        if (value != null && !allowed.contains(value)) {
            throw error(key, "ค่าไม่อยู่ในตัวเลือก " + allowed, "not one of " + allowed);
        }
        return value;
    }

    public String requiredChoice(String key, Collection<String> allowed) {
        String value = choice(key, allowed);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    /** Codes given as a JSON array or as text separated by commas, spaces or new lines; duplicates dropped. */
    public Set<String> codes(String key, int maxLength) {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode node = json(key, rawValue(key));
        if (node != null && node.isArray()) {
            node.forEach(item -> addCode(codes, key, item.asText(), maxLength));
            return codes;
        }
        String text = text(key, 20_000);
        if (text != null) {
            for (String part : text.split("[,;\\s]+")) {
                addCode(codes, key, part, maxLength);
            }
        }
        return codes;
    }

    private void addCode(Set<String> codes, String key, String code, int maxLength) {
        String trimmed = code.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.length() > maxLength) {
            throw error(key, "รหัส '" + trimmed + "' ยาวเกินไป", "code '" + trimmed + "' is too long");
        }
        codes.add(trimmed);
    }

    /** The items of a dynamic list, each read like a form of its own; missing means empty. */
    public List<FormInput> list(String key, int maxItems) {
        Object raw = rawValue(key);
        if (raw == null) {
            return List.of();
        }
        JsonNode node = json(key, raw);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(key, "ต้องเป็นรายการ", "must be a list");
        }
        if (node.size() > maxItems) {
            throw error(key, "มีได้ไม่เกิน " + maxItems + " รายการ", "at most " + maxItems + " items");
        }
        List<FormInput> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new FormValidationException(itemPath, "รายการไม่ถูกต้อง", "malformed item");
            }
            items.add(new FormInput(itemPath + ".", name -> fromJson(item.get(name)), formVariables));
        }
        return items;
    }

    public FormValidationException missing(String key) {
        return error(key, "จำเป็นต้องกรอก", "required");
    }

    /**
     * The submitted value. A JSON variable the engine cannot read (malformed JSON sent with type {@code Json}) is
     * refused naming the field rather than failing the request.
     */
    private Object rawValue(String key) {
        try {
            return values.apply(key);
        } catch (FormValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformedJson(key);
        }
    }

    /** A value as JSON; text that starts like JSON must parse. */
    private JsonNode json(String key, Object raw) {
        JsonNode node = formVariables.toJson(raw);
        if (node == null && raw != null && looksLikeJson(raw)) {
            throw malformedJson(key);
        }
        return node;
    }

    private static boolean looksLikeJson(Object raw) {
        if (raw instanceof String text) {
            String trimmed = text.trim();
            return trimmed.startsWith("[") || trimmed.startsWith("{");
        }
        return !(raw instanceof Number) && !(raw instanceof Boolean);
    }

    private FormValidationException malformedJson(String key) {
        return error(key, "ข้อมูล JSON ไม่ถูกต้อง", "malformed JSON");
    }

    private Object scalar(String key) {
        Object value = rawValue(key);
        if (value instanceof JsonNode node) {
            return fromJson(node);
        }
        if (value != null && !(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            return fromJson(json(key, value));
        }
        return value;
    }

    private static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return node;
    }

    private BigDecimal decimal(String key, Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw error(key, "ต้องเป็นตัวเลข", "must be a number");
                }
                return BigDecimal.valueOf(v);
            }
            return new BigDecimal(n.toString());
        }
        try {
            return new BigDecimal(value.toString().trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw error(key, "ต้องเป็นตัวเลข", "must be a number");
        }
    }
}
