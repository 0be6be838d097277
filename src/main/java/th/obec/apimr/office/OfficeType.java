package th.obec.apimr.office;

import java.util.Optional;

/** The two kinds of educational service area office. */
public enum OfficeType {

    /** สพป.: primary educational service area office. */
    PRIMARY("สพป."),

    /** สพม.: secondary educational service area office. */
    SECONDARY("สพม.");

    private final String abbreviationTh;

    OfficeType(String abbreviationTh) {
        this.abbreviationTh = abbreviationTh;
    }

    /** สพป. or สพม. */
    public String abbreviationTh() {
        return abbreviationTh;
    }

    /** The first letter of an office code: {@code P} or {@code S}. */
    public char codePrefix() {
        return this == PRIMARY ? 'P' : 'S';
    }

    /** Reads the office CSV's value: the Thai abbreviation (with or without the dot) or the enum name. */
    static Optional<OfficeType> fromCsv(String value) {
        String v = value == null ? "" : value.trim();
        for (OfficeType type : values()) {
            String abbreviation = type.abbreviationTh;
            if (v.equals(abbreviation) || v.equals(abbreviation.substring(0, abbreviation.length() - 1))
                    || v.equalsIgnoreCase(type.name())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
