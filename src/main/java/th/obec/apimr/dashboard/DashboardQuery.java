package th.obec.apimr.dashboard;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.office.OfficeType;

/**
 * Which page of a cycle's office rows to answer: the filters (region, office type, phase, status in a round, a
 * search in the office's name or code), the order and the page. The summary of the answer ignores the filters: it
 * covers every office the user may see. Read from the query parameters of {@code GET /api/dashboard/cycles/{id}};
 * a bad value is refused (400) with a message naming the parameter.
 *
 * @param page        0-based page number
 * @param size        rows per page, 1 to {@link #MAX_SIZE}
 * @param region      inspection region code, or null for every region
 * @param statusRound the round {@code status} applies to
 * @param sort        a key of {@link #SORTS}
 */
record DashboardQuery(int page, int size, String region, OfficeType type, Phase phase, Round statusRound,
                      RoundStatus status, String search, String sort, boolean descending) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** The orders the page offers: by column, ties by office code. */
    static final List<String> SORTS = List.of("region", "office", "type", "province", "phase", "next", "overdue",
            "escalated", "status:MID_YEAR", "level:MID_YEAR", "status:ANNUAL", "level:ANNUAL");

    /** The first page of every office, by region then office code. */
    static DashboardQuery firstPage() {
        return new DashboardQuery(0, DEFAULT_SIZE, null, null, null, Round.MID_YEAR, null, null, "region", false);
    }

    /** Every office on one page (a service-level view; the API caps the size). */
    static DashboardQuery everything() {
        return new DashboardQuery(0, Integer.MAX_VALUE, null, null, null, Round.MID_YEAR, null, null, "region",
                false);
    }

    DashboardQuery withPage(int page, int size) {
        return new DashboardQuery(page, size, region, type, phase, statusRound, status, search, sort, descending);
    }

    DashboardQuery withRegion(String region) {
        return new DashboardQuery(page, size, region, type, phase, statusRound, status, search, sort, descending);
    }

    DashboardQuery withStatus(Round round, RoundStatus status) {
        return new DashboardQuery(page, size, region, type, phase, round, status, search, sort, descending);
    }

    DashboardQuery withSort(String sort, boolean descending) {
        return new DashboardQuery(page, size, region, type, phase, statusRound, status, search, sort, descending);
    }

    /** The query from the request's parameters (each may be null or blank: its default). */
    static DashboardQuery parse(String page, String size, String region, String type, String phase, String round,
                                String status, String search, String sort, String dir) {
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        String regionCode = blank(region) ? null : region.trim();
        if (regionCode != null && !regionCode.matches("[0-9A-Za-z]{1,10}")) {
            throw bad("region", region, "an inspection region code such as 05");
        }
        String sortKey = blank(sort) ? "region" : sort.trim();
        if (!SORTS.contains(sortKey)) {
            throw bad("sort", sort, "one of " + String.join(", ", SORTS));
        }
        boolean descending = false;
        if (!blank(dir)) {
            switch (dir.trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> descending = false;
                case "desc" -> descending = true;
                default -> throw bad("dir", dir, "asc or desc");
            }
        }
        return new DashboardQuery(pageNumber, pageSize, regionCode, value("type", type, OfficeType.class),
                value("phase", phase, Phase.class),
                blank(round) ? Round.MID_YEAR : value("round", round, Round.class),
                value("status", status, RoundStatus.class), blank(search) ? null : search.trim(), sortKey,
                descending);
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (blank(text)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw bad(name, text, max == Integer.MAX_VALUE ? "a whole number from " + min
                : "a whole number from " + min + " to " + max);
    }

    private static <E extends Enum<E>> E value(String name, String text, Class<E> type) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw bad(name, text, "one of " + String.join(", ", names));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ResponseStatusException bad(String name, String value, String expected) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, "พารามิเตอร์ " + name + " ไม่ถูกต้อง: '" + value
                + "' (parameter " + name + " must be " + expected + ")");
    }
}
