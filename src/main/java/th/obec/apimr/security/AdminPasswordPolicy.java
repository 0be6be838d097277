package th.obec.apimr.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the administrator's initial password is too weak to protect a production system. A password is weak when
 * it is shorter than {@value #MIN_LENGTH} characters, contains the user id, contains a common word
 * ({@link #COMMON_WORDS}: demo, admin, password, ...), or uses fewer than {@value #MIN_CLASSES} of the four
 * kinds of character: lower-case letters, upper-case letters, digits, others (symbols, spaces, Thai letters).
 */
final class AdminPasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MIN_CLASSES = 3;
    static final List<String> COMMON_WORDS = List.of("demo", "admin", "password", "passw0rd", "camunda", "apimr",
            "obec", "changeme", "welcome", "letmein", "qwerty", "123456", "secret");

    private AdminPasswordPolicy() {
    }

    /** Why the password is weak, one reason per broken rule; empty when it passes. */
    static List<String> weaknesses(String userId, String password) {
        List<String> reasons = new ArrayList<>();
        if (password == null || password.isBlank()) {
            reasons.add("it is not set");
            return reasons;
        }
        if (password.length() < MIN_LENGTH) {
            reasons.add("it is shorter than " + MIN_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            reasons.add("it contains the user id");
        }
        for (String word : COMMON_WORDS) {
            if (lower.contains(word)) {
                reasons.add("it contains the common word '" + word + "'");
                break;
            }
        }
        if (characterClasses(password) < MIN_CLASSES) {
            reasons.add("it uses fewer than " + MIN_CLASSES
                    + " of: lower-case letters, upper-case letters, digits, other characters");
        }
        return reasons;
    }

    private static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i = password.offsetByCodePoints(i, 1)) {
            int c = password.codePointAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
