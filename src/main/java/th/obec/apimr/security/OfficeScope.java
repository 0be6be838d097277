package th.obec.apimr.security;

import java.util.Locale;
import java.util.Set;

/**
 * The offices a user may see: every office (OBEC monitors and administrators), or the listed office codes (an
 * office's coordinators and directors: their office; a region's reviewers: the offices of their region).
 *
 * @param everyOffice true when no office is out of sight; {@code officeCodes} then lists every known office
 * @param officeCodes upper-case office codes
 */
public record OfficeScope(boolean everyOffice, Set<String> officeCodes) {

    public OfficeScope {
        officeCodes = Set.copyOf(officeCodes);
    }

    /** True when the office is in sight (code in any case). */
    public boolean includes(String officeCode) {
        if (officeCode == null || officeCode.isBlank()) {
            return false;
        }
        return everyOffice || officeCodes.contains(officeCode.trim().toUpperCase(Locale.ROOT));
    }
}
