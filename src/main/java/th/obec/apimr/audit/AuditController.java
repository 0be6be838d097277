package th.obec.apimr.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.security.CurrentUser;

/**
 * The audit trail: every entry for OBEC administrators, an office's own entries for that office, its region's
 * reviewers and OBEC. Filters: {@code entityType}, {@code entityId}, {@code actor}, {@code cycleId},
 * {@code from} / {@code to} (ISO instants, to exclusive), {@code limit} (1-1000, default 100); administrators
 * also {@code officeCode}. Newest first.
 */
@RestController
class AuditController {

    static final int DEFAULT_LIMIT = 100;

    private final AuditTrail trail;
    private final CurrentUser currentUser;
    private final OfficeAuditAccess access;

    AuditController(AuditTrail trail, CurrentUser currentUser, OfficeAuditAccess access) {
        this.trail = trail;
        this.currentUser = currentUser;
        this.access = access;
    }

    @GetMapping("/api/admin/audit")
    List<AuditEntry> all(@RequestParam(required = false) String officeCode,
                         @RequestParam(required = false) String entityType,
                         @RequestParam(required = false) String entityId,
                         @RequestParam(required = false) String actor,
                         @RequestParam(required = false) Long cycleId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(required = false) Integer limit) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return trail.find(new AuditFilter(officeCode, entityType, entityId, actor, cycleId, from, to, limit(limit)));
    }

    @GetMapping("/api/offices/{code}/audit")
    List<AuditEntry> office(@PathVariable String code,
                            @RequestParam(required = false) String entityType,
                            @RequestParam(required = false) String entityId,
                            @RequestParam(required = false) String actor,
                            @RequestParam(required = false) Long cycleId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                            @RequestParam(required = false) Integer limit) {
        access.requireReader(code);
        return trail.find(new AuditFilter(code, entityType, entityId, actor, cycleId, from, to, limit(limit)));
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "limit: ต้องอยู่ระหว่าง 1 ถึง " + AuditTrail.MAX_LIMIT + " (must be 1-" + AuditTrail.MAX_LIMIT + ")");
        }
        return limit;
    }
}
