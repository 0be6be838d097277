package th.obec.apimr.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The grants the engine gives on a task to its candidate groups, candidate users, assignee and owner. The engine's
 * own provider grants each of them READ and the work permission ({@code TASK_WORK}, see
 * {@link AccessControlPlugin}) on the task. For a task whose process every user may read (a global authorization
 * with {@code READ_TASK} on its definition, as {@link AccessGrants} keeps on the office cycle process) the READ adds
 * nothing: who reads such a task, that global grant and the task's tenant decide. There only the work permission is
 * granted.
 * <p>
 * Why: the engine's task query (Tasklist's list and count) joins each candidate task to the grants with READ that
 * the user and the user's groups hold on it, its definition or every resource; a READ grant per task doubles the
 * joined rows, and on a small data set (200 open tasks of one coordinators' group) PostgreSQL chose to scan all of
 * the group's READ grants for every task: 5 ms instead of 0.9 ms for the page. Tasks of a process without such a
 * global grant (the national cycle's) keep the engine's grants.
 * <p>
 * Whether a process is read by everyone is looked up once a minute per process definition key: a global grant
 * added or removed in Camunda Admin applies to tasks created from then on within a minute. {@link AccessGrants}
 * puts the office cycle's global grant back at every start; without it, a candidate group could no longer read the
 * tasks created with work-only grants.
 */
class TaskWorkGrants extends DefaultAuthorizationProvider {

    static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Answer(boolean readByEveryone, long askedAt) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    TaskWorkGrants() {
        this(System::nanoTime);
    }

    TaskWorkGrants(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return workOnly(task, super.newTaskGroupIdentityLink(task, groupId, type));
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return workOnly(task, super.newTaskUserIdentityLink(task, userId, type));
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return workOnly(task, super.newTaskAssignee(task, oldAssignee, newAssignee));
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return workOnly(task, super.newTaskOwner(task, oldOwner, newOwner));
    }

    private AuthorizationEntity[] workOnly(Task task, AuthorizationEntity[] grants) {
        if (grants == null || !readByEveryone(task)) {
            return grants;
        }
        for (AuthorizationEntity grant : grants) {
            if (grant != null && grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                    && grant.getResourceType() == Resources.TASK.resourceType()
                    && task.getId().equals(grant.getResourceId())) {
                grant.removePermission(Permissions.READ);
            }
        }
        return grants;
    }

    /** Whether every user may read the tasks of the task's process, by a global grant on its definition. */
    boolean readByEveryone(Task task) {
        String definitionId = task.getProcessDefinitionId();
        if (definitionId == null) {
            return false;
        }
        ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(definitionId);
        String key = definition.getKey();
        long now = nanoClock.getAsLong();
        Answer answer = answers.get(key);
        if (answer == null || now - answer.askedAt() >= REMEMBER_NANOS) {
            answer = new Answer(globallyReadable(key) || globallyReadable(Authorization.ANY), now);
            answers.put(key, answer);
        }
        return answer.readByEveryone();
    }

    private boolean globallyReadable(String resourceId) {
        AuthorizationEntity global = getAuthorizationManager().findAuthorizationByUserIdAndResourceId(
                Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, Resources.PROCESS_DEFINITION, resourceId);
        return global != null && global.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK);
    }
}
