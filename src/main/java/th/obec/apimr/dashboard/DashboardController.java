package th.obec.apimr.dashboard;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @GetMapping("/cycles/{id}")
    CycleDashboard cycle(@PathVariable Long id) {
        return dashboard.cycle(id, visibility());
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
