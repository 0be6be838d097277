package th.obec.apimr.dashboard;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import th.obec.apimr.identity.Groups;

/**
 * Which offices a user may see on the dashboard, from their engine groups: OBEC administrators and monitors see
 * every office, a region reviewer the offices of their inspection region(s), a coordinator or director their own
 * office(s): the rule of {@link th.obec.apimr.security.AccessPolicy}, kept as a value so that one request's page
 * is computed against one set of offices. Group names are read by {@link Groups}.
 */
final class OfficeVisibility {

    private final boolean everything;
    private final boolean admin;
    private final Set<String> regions;
    private final Set<String> offices;

    private OfficeVisibility(boolean everything, boolean admin, Set<String> regions, Set<String> offices) {
        this.everything = everything;
        this.admin = admin;
        this.regions = regions;
        this.offices = offices;
    }

    static OfficeVisibility of(List<String> groupIds) {
        boolean everything = false;
        boolean admin = false;
        Set<String> regions = new TreeSet<>();
        Set<String> offices = new TreeSet<>();
        for (String group : groupIds) {
            if (Groups.OBEC_ADMIN.equals(group) || Groups.OBEC_MONITOR.equals(group)) {
                everything = true;
                admin |= Groups.OBEC_ADMIN.equals(group);
                continue;
            }
            Groups.officeOf(group).ifPresent(offices::add);
            Groups.regionOf(group).ifPresent(regions::add);
        }
        return new OfficeVisibility(everything, admin, Set.copyOf(regions), Set.copyOf(offices));
    }

    /** True when the user may see some office. */
    boolean seesAny() {
        return everything || !regions.isEmpty() || !offices.isEmpty();
    }

    /** True for OBEC administrators: the page links to the record of notifications and escalations. */
    boolean isAdmin() {
        return admin;
    }

    boolean seesEverything() {
        return everything;
    }

    /** The office codes seen through the user's own office groups. */
    Set<String> offices() {
        return offices;
    }

    /** The inspection regions seen through the user's reviewer groups. */
    Set<String> regions() {
        return regions;
    }

    boolean sees(String officeCode, String regionCode) {
        return everything || offices.contains(officeCode) || regions.contains(regionCode);
    }

    /** {@code ALL}, {@code REGION} (some regions, perhaps offices too) or {@code OFFICE}. */
    String scope() {
        return everything ? "ALL" : !regions.isEmpty() ? "REGION" : "OFFICE";
    }
}
