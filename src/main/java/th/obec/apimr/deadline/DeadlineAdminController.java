package th.obec.apimr.deadline;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.security.CurrentUser;

/** Deadline extensions and escalated tasks, for OBEC administrators only. */
@RestController
@RequestMapping("/api/admin")
class DeadlineAdminController {

    private final DeadlineExtensions extensions;
    private final CurrentUser currentUser;

    DeadlineAdminController(DeadlineExtensions extensions, CurrentUser currentUser) {
        this.extensions = extensions;
        this.currentUser = currentUser;
    }

    /**
     * Body: {@code {"officeCode": "P5002", "newDate": "2023-05-15", "reason": "..."}}; without {@code officeCode}
     * the deadline moves for every office. 201 with the recorded extension; 400 naming the field when refused.
     */
    @PostMapping("/cycles/{cycleId}/deadlines/{deadlineKey}/extensions")
    ResponseEntity<ExtensionView> extend(@PathVariable Long cycleId, @PathVariable String deadlineKey,
                                         @RequestBody(required = false) DeadlineExtensions.Request body) {
        String userId = currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        ExtensionView extension = extensions.extend(cycleId, deadlineKey,
                body == null ? new DeadlineExtensions.Request(null, null, null) : body, userId);
        return ResponseEntity.created(URI.create("/api/admin/cycles/" + cycleId + "/deadlines/"
                + extension.deadlineKey() + "/extensions")).body(extension);
    }

    /** Every extension of the cycle, oldest first. */
    @GetMapping("/cycles/{cycleId}/deadlines/extensions")
    List<ExtensionView> all(@PathVariable Long cycleId) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return extensions.extensions(cycleId, null);
    }

    /** The extensions of one deadline of the cycle, oldest first. */
    @GetMapping("/cycles/{cycleId}/deadlines/{deadlineKey}/extensions")
    List<ExtensionView> ofDeadline(@PathVariable Long cycleId, @PathVariable String deadlineKey) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return extensions.extensions(cycleId, deadlineKey);
    }

    /** Tasks escalated after their grace period, of one cycle or of all, in the order they were escalated. */
    @GetMapping("/escalations")
    List<EscalationView> escalations(@RequestParam(required = false) Long cycleId) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        return extensions.escalations(cycleId);
    }
}
