package th.obec.apimr.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Read-only texts shown on task forms (overviews, guidance). The engine stores a text variable, and its history,
 * in a column of {@value #MAX_LENGTH} characters, and a form submits its read-only fields back as text: a longer
 * text would make the task impossible to complete. These helpers keep such texts within the limit.
 */
public final class OverviewText {

    public static final int MAX_LENGTH = 4000;

    /** Separates items written on one line each. */
    public static final String LINES = "\n";

    /** Separates items of several lines each. */
    public static final String BLOCKS = "\n\n";

    private static final String ELLIPSIS = "…";

    private OverviewText() {
    }

    /** The text, cut to at most {@code maxLength} characters and ending with an ellipsis when cut. */
    public static String clip(String text, int maxLength) {
        if (text == null || text.length() <= maxLength) {
            return text;
        }
        return text.substring(0, Math.max(0, maxLength - ELLIPSIS.length())).stripTrailing() + ELLIPSIS;
    }

    /** The parts that are not blank, one after another, separated by a blank line. */
    public static String join(List<String> parts) {
        return join(parts, BLOCKS);
    }

    public static boolean fits(String text) {
        return text == null || text.length() <= MAX_LENGTH;
    }

    /**
     * {@code head}, the items (separated by {@code separator}) and {@code tail}, the three parts separated by a
     * blank line, within {@value #MAX_LENGTH} characters. When not every item fits: as many as fit from the
     * start, then the line {@code leftOut.apply(n)} saying that {@code n} items were left out. A head or tail
     * too long on its own is clipped.
     */
    public static String fit(String head, List<String> items, String separator, String tail,
                             IntFunction<String> leftOut) {
        String full = compose(head, items, separator, tail);
        if (fits(full)) {
            return full;
        }
        String shortHead = clip(head, MAX_LENGTH / 4);
        String shortTail = clip(tail, MAX_LENGTH / 4);
        int kept = 0;
        while (kept < items.size()) {
            String candidate = compose(shortHead, withNote(items.subList(0, kept + 1), items.size() - kept - 1,
                    leftOut), separator, shortTail);
            if (!fits(candidate)) {
                break;
            }
            kept++;
        }
        String text = compose(shortHead, withNote(items.subList(0, kept), items.size() - kept, leftOut),
                separator, shortTail);
        return clip(text, MAX_LENGTH);
    }

    private static List<String> withNote(List<String> items, int left, IntFunction<String> leftOut) {
        List<String> all = new ArrayList<>(items);
        if (left > 0) {
            all.add(leftOut.apply(left));
        }
        return all;
    }

    private static String compose(String head, List<String> items, String separator, String tail) {
        return join(List.of(nullToEmpty(head), join(items, separator), nullToEmpty(tail)), BLOCKS);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String join(List<String> parts, String separator) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return String.join(separator, present);
    }
}
