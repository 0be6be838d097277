package th.obec.apimr.dashboard;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.dashboard.DashboardViews.CycleDashboard;
import th.obec.apimr.dashboard.DashboardViews.CycleEntry;
import th.obec.apimr.dashboard.DashboardViews.OfficeDetail;
import th.obec.apimr.security.CurrentUser;

/**
 * The status page's API. Every answer covers only the offices the caller may see ({@link OfficeVisibility});
 * someone who may see no office gets 403, and opening an office they may not see answers 403.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardService dashboard;
    private final CurrentUser currentUser;

    DashboardController(DashboardService dashboard, CurrentUser currentUser) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
    }

    @GetMapping("/cycles")
    List<CycleEntry> cycles() {
        visibility();
        return dashboard.cycles();
    }

    /**
     * The summary over every office the caller sees and one page of rows: {@code page} (0-based), {@code size}
     * (default 50, at most 500), filters {@code region}, {@code type}, {@code phase}, {@code status} (in
     * {@code round}, default MID_YEAR), {@code q} (office name or code), order {@code sort} and {@code dir}.
     */
    @GetMapping("/cycles/{id}")
    CycleDashboard cycle(@PathVariable Long id, @RequestParam(required = false) String page,
                         @RequestParam(required = false) String size, @RequestParam(required = false) String region,
                         @RequestParam(required = false) String type, @RequestParam(required = false) String phase,
                         @RequestParam(required = false) String round, @RequestParam(required = false) String status,
                         @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                         @RequestParam(required = false) String dir) {
        OfficeVisibility visibility = visibility();
        return dashboard.cycle(id, visibility,
                DashboardQuery.parse(page, size, region, type, phase, round, status, q, sort, dir));
    }

    @GetMapping("/cycles/{id}/offices/{code}")
    OfficeDetail office(@PathVariable Long id, @PathVariable String code) {
        return dashboard.office(id, code.trim().toUpperCase(java.util.Locale.ROOT), visibility());
    }

    private OfficeVisibility visibility() {
        String userId = currentUser.id();
        OfficeVisibility visibility = OfficeVisibility.of(currentUser.groups());
        if (!visibility.seesAny()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "ผู้ใช้ " + userId + " ไม่มีสิทธิ์ดูสถานะวงจร (no office visible to " + userId + ")");
        }
        return visibility;
    }
}
