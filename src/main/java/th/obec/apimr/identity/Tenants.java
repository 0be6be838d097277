package th.obec.apimr.identity;

import java.util.Locale;

/**
 * The engine tenants of the product: one per area office, its id the office code ({@code P5002}). Every process
 * instance run for an office carries its office's tenant, so the engine shows it only to the members of that
 * tenant (the office's groups, its region's reviewers, OBEC). National instances have no tenant.
 */
public final class Tenants {

    private Tenants() {
    }

    /** The tenant id of an office: its code, trimmed and in upper case. */
    public static String office(String officeCode) {
        if (officeCode == null || officeCode.isBlank()) {
            throw new IllegalArgumentException("officeCode ต้องไม่ว่าง (officeCode is required)");
        }
        return officeCode.trim().toUpperCase(Locale.ROOT);
    }
}
