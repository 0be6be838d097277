package th.obec.apimr.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling the application's API, as authenticated by the engine's REST filter. */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The caller's user id; 401 when nobody is authenticated. */
    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "ต้องเข้าสู่ระบบ (authentication required)");
        }
        return authentication.getUserId();
    }

    public List<String> groups() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null
                ? List.of() : authentication.getGroupIds();
    }

    public boolean isMemberOf(String groupId) {
        return groups().contains(groupId);
    }

    /** 403 unless the caller belongs to one of the groups. */
    public String requireAnyGroup(String... groupIds) {
        String userId = id();
        for (String groupId : groupIds) {
            if (isMemberOf(groupId)) {
                return userId;
            }
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "ไม่มีสิทธิ์ (requires membership in " + String.join(" or ", groupIds) + ")");
    }
}
