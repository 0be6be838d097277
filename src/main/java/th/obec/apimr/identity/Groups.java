package th.obec.apimr.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine group ids of the product (see docs/process-model.md, "Groups"). Candidate groups in the process
 * models and membership checks in the API use these names; {@link IdentitySync} creates the groups.
 */
public final class Groups {

    /** OBEC administrators: launch cycles, re-import reference data. */
    public static final String OBEC_ADMIN = "obec-admin";

    /** OBEC analysts and monitors (สตผ.): national tasks and dashboards. */
    public static final String OBEC_MONITOR = "obec-monitor";

    /** The group type of every group the product creates. */
    public static final String TYPE = "WORKFLOW";

    private static final Pattern OFFICE_GROUP = Pattern.compile("office-([A-Z0-9]+)-(coordinators|directors)");
    private static final Pattern REGION_GROUP = Pattern.compile("region-([A-Z0-9]+)-reviewers");

    private Groups() {
    }

    /** The office code of an {@code office-<officeCode>-coordinators} or {@code -directors} group, else empty. */
    public static Optional<String> officeOf(String groupId) {
        Matcher matcher = groupId == null ? null : OFFICE_GROUP.matcher(groupId);
        return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The region code of a {@code region-<regionCode>-reviewers} group, else empty. */
    public static Optional<String> regionOf(String groupId) {
        Matcher matcher = groupId == null ? null : REGION_GROUP.matcher(groupId);
        return matcher != null && matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** True for the groups the product creates and manages (OBEC, office and region groups). */
    public static boolean isProductGroup(String groupId) {
        return OBEC_ADMIN.equals(groupId) || OBEC_MONITOR.equals(groupId)
                || officeOf(groupId).isPresent() || regionOf(groupId).isPresent();
    }

    /** {@code office-<officeCode>-coordinators}: the coordinators of one area office. */
    public static String coordinators(String officeCode) {
        return "office-" + requireCode(officeCode, "officeCode") + "-coordinators";
    }

    /** {@code office-<officeCode>-directors}: the director and deputies of one area office. */
    public static String directors(String officeCode) {
        return "office-" + requireCode(officeCode, "officeCode") + "-directors";
    }

    /** {@code region-<regionCode>-reviewers}: the reviewers of one inspection region ({@code 00}..{@code 18}). */
    public static String reviewers(String regionCode) {
        return "region-" + requireCode(regionCode, "regionCode") + "-reviewers";
    }

    private static String requireCode(String code, String name) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException(name + " ต้องไม่ว่าง (" + name + " is required)");
        }
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
