package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Groups;

/**
 * The engine's mapping reads its {@code isX} flags through the product's accessor once the application has
 * started, and builds exactly the SQL that OGNL's own accessor builds.
 */
@SpringBootTest
@ActiveProfiles("test")
class MappingPropertyShortcutsTest {

    static final String GROUP = Groups.coordinators("P5002");

    @Autowired
    ProcessEngine engine;

    @Test
    void theStartedEngineReadsTheFlagsOfItsQueriesThroughTheShortcut() throws OgnlException {
        for (Class<?> type : MappingPropertyShortcuts.CLASSES) {
            assertThat(OgnlRuntime.getPropertyAccessor(type)).as(type.getSimpleName())
                    .isInstanceOf(MappingPropertyShortcuts.FlagMethods.class);
        }
    }

    @Test
    void taskQueriesBuildTheSameSqlAsWithOgnlsOwnAccessor() {
        Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
        queries.put("candidate group", () -> query().taskCandidateGroup(GROUP));
        queries.put("business key", () -> query().processInstanceBusinessKey("P5002-2569"));
        queries.put("business key or assignee", () -> query().or().processInstanceBusinessKey("P5002-2569")
                .taskAssignee("somchai").endOr());
        queries.put("without tenant", () -> query().taskCandidateGroup(GROUP).withoutTenantId());
        queries.put("in tenants", () -> query().tenantIdIn("P5002", "P5001")
                .taskCandidateGroupIn(List.of(GROUP)).includeAssignedTasks());

        Map<String, String> withShortcuts = sqlOf(queries);
        Map<String, String> withOgnlsOwn;
        try {
            for (Class<?> type : MappingPropertyShortcuts.CLASSES) {
                OgnlRuntime.setPropertyAccessor(type, new ObjectPropertyAccessor());
            }
            withOgnlsOwn = sqlOf(queries);
        } finally {
            MappingPropertyShortcuts.install();
        }

        assertThat(withShortcuts).isEqualTo(withOgnlsOwn);
        // the flags were read as set: an OR query joins the tables of its criteria by left join, a query without
        // tenant asks for rows without one
        assertThat(withShortcuts.get("business key")).containsIgnoringCase("inner join ACT_RU_EXECUTION E");
        assertThat(withShortcuts.get("business key or assignee")).containsIgnoringCase("left join ACT_RU_EXECUTION E");
        assertThat(withShortcuts.get("candidate group")).doesNotContainIgnoringCase("and RES.TENANT_ID_ is null");
        assertThat(withShortcuts.get("without tenant")).containsIgnoringCase("and RES.TENANT_ID_ is null");
    }

    @Test
    void aFlagIsFoundOnlyWhereOgnlWouldCallTheMethodOfThatName() {
        assertThat(MappingPropertyShortcuts.FlagMethods.flagMethod(TaskQueryImpl.class, "isOrQueryActive"))
                .map(method -> method.getName()).contains("isOrQueryActive");
        // a JavaBean property of that name is OGNL's to read; so is a method that is no flag or does not exist
        assertThat(MappingPropertyShortcuts.FlagMethods.flagMethod(Flags.class, "isShadowed")).isEmpty();
        assertThat(MappingPropertyShortcuts.FlagMethods.flagMethod(Flags.class, "isNamed")).isEmpty();
        assertThat(MappingPropertyShortcuts.FlagMethods.flagMethod(Flags.class, "isMissing")).isEmpty();
        assertThat(MappingPropertyShortcuts.FlagMethods.flagMethod(Flags.class, "isSet"))
                .map(method -> method.getName()).isEqualTo(Optional.of("isSet"));
    }

    private TaskQuery query() {
        return engine.getTaskService().createTaskQuery();
    }

    private Map<String, String> sqlOf(Map<String, Supplier<TaskQuery>> queries) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Configuration mapping = configuration.getSqlSessionFactory().getConfiguration();
        String statement = configuration.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria");
        Map<String, String> sql = new LinkedHashMap<>();
        queries.forEach((name, query) -> sql.put(name,
                mapping.getMappedStatement(statement).getBoundSql((TaskQueryImpl) query.get()).getSql()
                        .replaceAll("\\s+", " ")));
        return sql;
    }

    /** Flags as OGNL sees them: by a JavaBean getter, by a method that is not a flag, by a flag method alone. */
    public static class Flags {

        public boolean isShadowed() {
            return false;
        }

        public boolean getIsShadowed() {
            return true;
        }

        public String isNamed() {
            return "named";
        }

        public boolean isSet() {
            return true;
        }
    }
}
