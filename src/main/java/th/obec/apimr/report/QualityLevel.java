package th.obec.apimr.report;

/** The quality level a region reviewer gives an indicator report (seed 001): 5 ดีเยี่ยม down to 1 ปรับปรุง. */
public enum QualityLevel {

    NEEDS_IMPROVEMENT(1, "ปรับปรุง"),
    FAIR(2, "พอใช้"),
    GOOD(3, "ดี"),
    VERY_GOOD(4, "ดีมาก"),
    EXCELLENT(5, "ดีเยี่ยม");

    public static final int MIN = 1;
    public static final int MAX = 5;

    private final int value;
    private final String nameTh;

    QualityLevel(int value, String nameTh) {
        this.value = value;
        this.nameTh = nameTh;
    }

    public int value() {
        return value;
    }

    public String nameTh() {
        return nameTh;
    }

    /** The level as users read it, e.g. {@code 4 ดีมาก}. */
    public String label() {
        return value + " " + nameTh;
    }

    public static QualityLevel of(int value) {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("No quality level " + value);
        }
        return values()[value - 1];
    }

    /** {@code 4 ดีมาก} for 4; null for null. */
    public static String label(Integer value) {
        return value == null ? null : of(value).label();
    }
}
