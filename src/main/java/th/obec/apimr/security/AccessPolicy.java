package th.obec.apimr.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;

/**
 * Which offices the signed-in user may see and work for, for the application's own API: the same rule the engine
 * applies through tenants (see README, "Access control").
 * <ul>
 * <li>{@code obec-admin} and {@code obec-monitor}: every office;</li>
 * <li>{@code office-<code>-coordinators} and {@code office-<code>-directors}: that office;</li>
 * <li>{@code region-<nn>-reviewers}: every office of that inspection region (active or not).</li>
 * </ul>
 * Every method needs an authenticated user (401 otherwise); the {@code require...} methods answer 403 with a Thai
 * and English message when the user is out of scope.
 */
@Component
public class AccessPolicy {

    private final CurrentUser currentUser;
    private final OfficeService offices;

    AccessPolicy(CurrentUser currentUser, OfficeService offices) {
        this.currentUser = currentUser;
        this.offices = offices;
    }

    /** OBEC administrator: launches cycles, imports reference data, sees and may change everything. */
    public boolean isAdmin() {
        currentUser.id();
        return currentUser.isMemberOf(Groups.OBEC_ADMIN);
    }

    /** Every office is in sight: OBEC monitors (read-only) and administrators. */
    public boolean seesEveryOffice() {
        return isAdmin() || currentUser.isMemberOf(Groups.OBEC_MONITOR);
    }

    /** The offices in sight. */
    public OfficeScope scope() {
        if (seesEveryOffice()) {
            Set<String> all = new HashSet<>();
            offices.all().forEach(office -> all.add(office.code()));
            return new OfficeScope(true, all);
        }
        Set<String> codes = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (String groupId : currentUser.groups()) {
            Groups.officeOf(groupId).ifPresent(codes::add);
            Groups.regionOf(groupId).ifPresent(regions::add);
        }
        if (!regions.isEmpty()) {
            for (OfficeView office : offices.all()) {
                if (regions.contains(office.regionCode())) {
                    codes.add(office.code());
                }
            }
        }
        return new OfficeScope(false, codes);
    }

    /** The codes of the offices in sight (every office's for monitors and administrators). */
    public Set<String> visibleOfficeCodes() {
        return scope().officeCodes();
    }

    /** True when the office's cycle data (tasks, plans, reports, history) is in sight. */
    public boolean canSeeOffice(String officeCode) {
        return scope().includes(officeCode);
    }

    /** 403 unless {@link #canSeeOffice(String)}. */
    public void requireOffice(String officeCode) {
        if (!canSeeOffice(officeCode)) {
            throw forbidden("ไม่มีสิทธิ์เข้าถึงข้อมูลของเขตพื้นที่ " + officeCode,
                    "office " + officeCode + " is outside your offices");
        }
    }

    /** True for the office's own coordinators and directors, and for administrators. */
    public boolean canWorkForOffice(String officeCode) {
        if (isAdmin()) {
            return true;
        }
        if (officeCode == null || officeCode.isBlank()) {
            return false;
        }
        return currentUser.isMemberOf(Groups.coordinators(officeCode))
                || currentUser.isMemberOf(Groups.directors(officeCode));
    }

    /** 403 unless {@link #canWorkForOffice(String)}. */
    public void requireWorkForOffice(String officeCode) {
        if (!canWorkForOffice(officeCode)) {
            throw forbidden("เฉพาะผู้ประสานงานและผู้บริหารของเขตพื้นที่ " + officeCode,
                    "only the coordinators and directors of office " + officeCode);
        }
    }

    /** True for the region's reviewers, OBEC monitors and administrators. */
    public boolean canSeeRegion(String regionCode) {
        if (seesEveryOffice()) {
            return true;
        }
        return regionCode != null && !regionCode.isBlank() && currentUser.isMemberOf(Groups.reviewers(regionCode));
    }

    /** 403 unless {@link #canSeeRegion(String)}. */
    public void requireRegion(String regionCode) {
        if (!canSeeRegion(regionCode)) {
            throw forbidden("ไม่มีสิทธิ์เข้าถึงข้อมูลของเขตตรวจราชการ " + regionCode,
                    "inspection region " + regionCode + " is outside your regions");
        }
    }

    /** 403 unless the user sees every office (national data: OBEC monitors and administrators). */
    public void requireEveryOffice() {
        if (!seesEveryOffice()) {
            throw forbidden("เฉพาะผู้ติดตามและผู้ดูแลระบบ สพฐ.", "only OBEC monitors and administrators");
        }
    }

    /** The items of offices in sight, in their order. */
    public <T> List<T> filter(Collection<T> items, Function<? super T, String> officeCode) {
        OfficeScope scope = scope();
        return items.stream().filter(item -> scope.includes(officeCode.apply(item))).toList();
    }

    private static ResponseStatusException forbidden(String thai, String english) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, thai + " (forbidden: " + english + ")");
    }
}
