package th.obec.apimr.notification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.security.CurrentUser;
import th.obec.apimr.system.TaskContext;

/**
 * A user's own notification preferences ({@code /api/me/notification-preferences}) and, for OBEC administrators,
 * the record of every notification ({@code /api/admin/notifications}). Refused input answers 400 with
 * {@code {type, field, message}}.
 */
@RestController
class NotificationController {

    static final int MAX_PAGE_SIZE = 200;

    private final NotificationPreferences preferences;
    private final NotificationStore store;
    private final CurrentUser currentUser;

    NotificationController(NotificationPreferences preferences, NotificationStore store, CurrentUser currentUser) {
        this.preferences = preferences;
        this.store = store;
        this.currentUser = currentUser;
    }

    /** {@code {digest: bool, language: "th"|"en"}}: single emails in Thai unless the user chose otherwise. */
    @GetMapping("/api/me/notification-preferences")
    Map<String, Object> myPreferences() {
        return view(preferences.of(currentUser.id()));
    }

    @PutMapping("/api/me/notification-preferences")
    Map<String, Object> savePreferences(@RequestBody(required = false) JsonNode body) {
        String userId = currentUser.id();
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "ต้องส่งข้อมูล {digest, language} (a JSON object {digest, language} is required)");
        }
        JsonNode digest = body.get("digest");
        if (digest == null || !digest.isBoolean()) {
            throw new InvalidInput("digest", "digest ต้องเป็น true หรือ false (digest must be true or false)");
        }
        JsonNode languageNode = body.get("language");
        Language language = languageNode == null || !languageNode.isTextual() ? null
                : Language.ofCode(languageNode.asText()).orElse(null);
        if (language == null) {
            throw new InvalidInput("language", "language ต้องเป็น th หรือ en (language must be th or en)");
        }
        NotificationPreference preference = new NotificationPreference(digest.asBoolean(), language);
        preferences.save(userId, preference, TaskContext.now());
        return view(preference);
    }

    /** Newest first; optional filters {@code status}, {@code recipient}, {@code taskId}, {@code officeCode}. */
    @GetMapping("/api/admin/notifications")
    NotificationStore.NotificationPage notifications(@RequestParam(required = false) String status,
                                                     @RequestParam(required = false) String recipient,
                                                     @RequestParam(required = false) String taskId,
                                                     @RequestParam(required = false) String officeCode,
                                                     @RequestParam(defaultValue = "0") String page,
                                                     @RequestParam(defaultValue = "50") String size) {
        currentUser.requireAnyGroup(Groups.OBEC_ADMIN);
        NoticeStatus noticeStatus = null;
        if (blankToNull(status) != null) {
            try {
                noticeStatus = NoticeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "ไม่รู้จักสถานะ " + status + " (unknown status; one of "
                        + java.util.Arrays.toString(NoticeStatus.values()) + ")");
            }
        }
        int pageNumber = number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
        String office = blankToNull(officeCode);
        return store.page(noticeStatus, blankToNull(recipient), blankToNull(taskId),
                office == null ? null : office.toUpperCase(Locale.ROOT), pageNumber, pageSize);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> refused(InvalidInput refused) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidInput");
        body.put("field", refused.field);
        body.put("message", refused.getMessage());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable) {
        String field = "body";
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getPath().get(0).getFieldName() != null) {
            field = mapping.getPath().get(0).getFieldName();
        }
        return refused(new InvalidInput(field, "อ่านข้อมูลไม่ได้ (the request body is not valid JSON)"));
    }

    private static Map<String, Object> view(NotificationPreference preference) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("digest", preference.digest());
        view.put("language", preference.language().code());
        return view;
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " ต้องเป็นจำนวนเต็ม " + min + "–" + max
                    + " (" + field + " must be a whole number from " + min + " to " + max + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static final class InvalidInput extends RuntimeException {
        private final String field;

        InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
