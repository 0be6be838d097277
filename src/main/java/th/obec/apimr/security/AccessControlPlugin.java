package th.obec.apimr.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.Groups;

/**
 * The engine side of access control (with {@code camunda.bpm.authorization.enabled: true}):
 * <ul>
 * <li>each office's process instances get the office's tenant ({@link OfficeTenantIdProvider});</li>
 * <li>{@code obec-admin} is an engine administrator group, like {@code camunda-admin}: no authorization or
 * tenant check applies to its members;</li>
 * <li>a task's candidate groups and assignee may read and work on the task ({@code TASK_WORK}: claim, form,
 * complete), not change it: a due date is the cycle's, and saving a task (due date, follow-up date, assignee,
 * unclaim) needs {@code TASK_ASSIGN} or {@code UPDATE}, which only administrators have; where every user may
 * read the task's process, its tenant deciding who sees it, their grant on the task is {@code TASK_WORK} alone
 * ({@link TaskWorkGrants});</li>
 * <li>the authorization checks take the user's groups as they are ({@link AuthenticatedGroupsAsGiven}): no read of
 * every group that has an authorization before each command's first check;</li>
 * <li>a command refused because the entity belongs to another office's tenant fails as the
 * {@link AuthorizationException} it is (the engine throws a plain exception, which the REST API answers with
 * 500): the REST API and the webapps answer 403.</li>
 * </ul>
 */
@Component
class AccessControlPlugin extends AbstractProcessEnginePlugin {

    /** Part of the engine's message when a command touches an entity of a tenant the user is not a member of. */
    static final String TENANT_REFUSAL = "because it belongs to no authenticated tenant";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(new OfficeTenantIdProvider());

        List<String> adminGroups = new ArrayList<>();
        if (configuration.getAdminGroups() != null) {
            adminGroups.addAll(configuration.getAdminGroups());
        }
        if (!adminGroups.contains(Groups.OBEC_ADMIN)) {
            adminGroups.add(Groups.OBEC_ADMIN);
        }
        configuration.setAdminGroups(adminGroups);

        configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
        configuration.setResourceAuthorizationProvider(new TaskWorkGrants());

        List<SessionFactory> sessionFactories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessionFactories.addAll(configuration.getCustomSessionFactories());
        }
        sessionFactories.add(new AuthenticatedGroupsAsGiven.Factory());
        configuration.setCustomSessionFactories(sessionFactories);

        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new TenantRefusalAsForbidden());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class TenantRefusalAsForbidden extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                if (e.getClass() == ProcessEngineException.class && e.getMessage() != null
                        && e.getMessage().contains(TENANT_REFUSAL)) {
                    AuthorizationException refused = new AuthorizationException(
                            "ไม่มีสิทธิ์เข้าถึงข้อมูลของเขตพื้นที่อื่น (" + e.getMessage() + ")");
                    refused.initCause(e);
                    throw refused;
                }
                throw e;
            }
        }
    }
}
