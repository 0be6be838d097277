package th.obec.apimr.identity;

import java.util.Locale;

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

    private Groups() {
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
