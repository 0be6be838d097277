package th.obec.apimr.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its first query. Before its first check in a command, the stock
 * manager reads the ids of every group that has any authorization ({@code selectAuthorizedGroupIds}, a scan of
 * {@code ACT_RU_AUTHORIZATION}, tens of thousands of rows here) only to drop the user's groups that have none from
 * the checks' {@code GROUP_ID_ IN (...)} lists. A group without authorizations matches no row of those lists, so
 * the checks answer the same with the user's groups as they are; a user has a few groups, so the lists stay short.
 * Nothing else in the engine uses that list (camunda-engine 7.24: only {@code AuthorizationManager} calls
 * {@code getAllGroups} and {@code filterAuthenticatedGroupIds}).
 */
class AuthenticatedGroupsAsGiven extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>(authenticatedGroupIds);
        distinct.removeIf(Objects::isNull);
        return new ArrayList<>(distinct);
    }

    /** Opens {@link AuthenticatedGroupsAsGiven} wherever the engine asks for its authorization manager. */
    static class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new AuthenticatedGroupsAsGiven();
        }
    }
}
