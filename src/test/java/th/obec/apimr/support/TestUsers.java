package th.obec.apimr.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Users for tests, made the way an administrator makes them in Camunda Admin. Calling it again changes nothing. */
public final class TestUsers {

    private TestUsers() {
    }

    /**
     * Makes sure the user exists (first name = id, last name "Test"; {@code email} may be null) and is a member of
     * each group, creating a group that does not exist yet.
     */
    public static String ensure(IdentityService identity, String id, String password, String email, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Test");
            user.setEmail(email);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String groupId : groups) {
            if (groupId == null) {
                continue;
            }
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identity.newGroup(groupId);
                group.setName(groupId);
                group.setType("SYSTEM");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(id, groupId);
            }
        }
        return id;
    }
}
