package th.obec.apimr.dashboard;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import th.obec.apimr.identity.Groups;

/**
 * Which offices a user may see on the dashboard, from their engine groups: OBEC administrators and monitors see
 * every office, a region reviewer the offices of their inspection region(s), a coordinator or director their own
 * office(s). The whole rule lives here so that a shared access policy can replace it in one place.
 */
final class OfficeVisibility {

    private static final Pattern OFFICE_GROUP = Pattern.compile("office-([A-Z0-9]+)-(coordinators|directors)");
    private static final Pattern REGION_GROUP = Pattern.compile("region-([0-9]{2})-reviewers");

    private final boolean everything;
    private final Set<String> regions;
    private final Set<String> offices;

    private OfficeVisibility(boolean everything, Set<String> regions, Set<String> offices) {
        this.everything = everything;
        this.regions = regions;
        this.offices = offices;
    }

    static OfficeVisibility of(List<String> groupIds) {
        boolean everything = false;
        Set<String> regions = new TreeSet<>();
        Set<String> offices = new TreeSet<>();
        for (String group : groupIds) {
            if (Groups.OBEC_ADMIN.equals(group) || Groups.OBEC_MONITOR.equals(group)) {
                everything = true;
                continue;
            }
            Matcher office = OFFICE_GROUP.matcher(group);
            if (office.matches()) {
                offices.add(office.group(1));
                continue;
            }
            Matcher region = REGION_GROUP.matcher(group);
            if (region.matches()) {
                regions.add(region.group(1));
            }
        }
        return new OfficeVisibility(everything, Set.copyOf(regions), Set.copyOf(offices));
    }

    /** True when the user may see some office. */
    boolean seesAny() {
        return everything || !regions.isEmpty() || !offices.isEmpty();
    }

    boolean seesEverything() {
        return everything;
    }

    boolean sees(String officeCode, String regionCode) {
        return everything || offices.contains(officeCode) || regions.contains(regionCode);
    }

    /** {@code ALL}, {@code REGION} (some regions, perhaps offices too) or {@code OFFICE}. */
    String scope() {
        return everything ? "ALL" : !regions.isEmpty() ? "REGION" : "OFFICE";
    }
}
