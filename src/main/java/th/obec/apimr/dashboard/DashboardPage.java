package th.obec.apimr.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cycle status page, {@code /dashboard}: one HTML page whose script reads {@code /api/dashboard}; its script,
 * style and the charting library (the echarts WebJar) are served from the application, never from a CDN.
 */
@Controller
class DashboardPage {

    private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");
    private static final Resource NOTIFICATIONS = new ClassPathResource("static/dashboard/notifications.html");

    @GetMapping({"/dashboard", "/dashboard/"})
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(PAGE);
    }

    /** Administrators' page of recorded notifications and escalated tasks; its API refuses everyone else (403). */
    @GetMapping("/dashboard/notifications")
    ResponseEntity<Resource> notifications() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(NOTIFICATIONS);
    }
}
