package th.obec.apimr.office;

import java.util.Arrays;
import java.util.List;

/** Province names are stored as one text, separated by {@code |} as in the shipped CSV files. */
final class ProvinceList {

    static final String SEPARATOR = "|";

    private ProvinceList() {
    }

    static List<String> split(String provinces) {
        if (provinces == null || provinces.isBlank()) {
            return List.of();
        }
        return Arrays.stream(provinces.split("\\|")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Trims each name and drops empty ones, so that equal lists compare equal as text. */
    static String normalise(String provinces) {
        return String.join(SEPARATOR, split(provinces));
    }
}
