package th.obec.apimr.dashboard;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.RoundRules.ReportRow;
import th.obec.apimr.office.OfficeType;
import th.obec.apimr.report.ReportStatus;

/**
 * The dashboard's reads, each one query for a whole cycle (never one per office): office cycles, offices, chosen
 * indicators and indicator reports from the application's tables (read-only SQL projections over the tables of the
 * cycle, office, analysis and report capabilities, defined by their Flyway migrations), open tasks from the engine's
 * task table joined with the office cycles, escalations and task history through the engine's API.
 */
@Component
class DashboardData {

    /** The task-local variable another part of the product sets on a task it escalated. */
    static final String ESCALATED = "escalated";

    /** Engine queries take the process instance ids in chunks of this size (an IN list). */
    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    DashboardData(NamedParameterJdbcTemplate jdbc, TaskService taskService, RuntimeService runtimeService,
                  HistoryService historyService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** An office's run of the cycle, as the dashboard needs it. */
    record OfficeCycleRow(Long id, String officeCode, String processInstanceId, Phase phase) {
    }

    /** An office as the dashboard shows it; {@code provincesTh} joined with commas. */
    record OfficeData(String code, OfficeType type, String shortNameTh, String provincesTh, String regionCode) {
    }

    /** The office cycles of a cycle (of one office when given), by office code. */
    List<OfficeCycleRow> officeCycles(Long cycleId, String officeCode) {
        MapSqlParameterSource params = new MapSqlParameterSource("cycleId", cycleId);
        String sql = "select id, office_code, process_instance_id, phase from office_cycle where cycle_id = :cycleId";
        if (officeCode != null) {
            sql += " and office_code = :officeCode";
            params.addValue("officeCode", officeCode);
        }
        return jdbc.query(sql + " order by office_code", params, (rs, row) -> new OfficeCycleRow(rs.getLong("id"),
                rs.getString("office_code"), rs.getString("process_instance_id"), Phase.valueOf(rs.getString("phase"))));
    }

    /** The offices taking part in a cycle, by code. */
    Map<String, OfficeData> offices(Long cycleId) {
        Map<String, OfficeData> offices = new HashMap<>();
        jdbc.query("select o.code, o.office_type, o.short_name_th, o.provinces_th, o.region_code from office o"
                + " join office_cycle oc on oc.office_code = o.code where oc.cycle_id = :cycleId",
                new MapSqlParameterSource("cycleId", cycleId), rs -> {
            String provinces = rs.getString("provinces_th");
            offices.put(rs.getString("code"), new OfficeData(rs.getString("code"),
                    OfficeType.valueOf(rs.getString("office_type")), rs.getString("short_name_th"),
                    provinces == null ? null : String.join(", ", java.util.Arrays.stream(provinces.split("\\|"))
                            .map(String::trim).filter(p -> !p.isEmpty()).toList()),
                    rs.getString("region_code")));
        });
        return offices;
    }

    /** The indicator reports of a cycle (of one office cycle when given). */
    List<ReportRow> reports(Long cycleId, Long officeCycleId) {
        MapSqlParameterSource params = new MapSqlParameterSource("cycleId", cycleId);
        String sql = "select office_cycle_id, round, indicator_code, status, quality_level, first_submitted_at"
                + " from indicator_report where cycle_id = :cycleId";
        if (officeCycleId != null) {
            sql += " and office_cycle_id = :officeCycleId";
            params.addValue("officeCycleId", officeCycleId);
        }
        return jdbc.query(sql, params, (rs, row) -> new ReportRow(rs.getLong("office_cycle_id"),
                Round.valueOf(rs.getString("round")), rs.getString("indicator_code"),
                ReportStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("quality_level", Integer.class),
                rs.getObject("first_submitted_at", OffsetDateTime.class).toInstant()));
    }

    /** Per office cycle of the cycle (or only the one given), the indicators it chose, in catalogue order. */
    Map<Long, List<String>> chosenIndicators(Long cycleId, Long officeCycleId) {
        Map<Long, List<String>> chosen = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource("cycleId", cycleId);
        String only = "";
        if (officeCycleId != null) {
            only = " and a.office_cycle_id = :officeCycleId";
            params.addValue("officeCycleId", officeCycleId);
        }
        jdbc.query("select a.office_cycle_id, t.indicator_code from office_analysis a"
                        + " join office_analysis_target t on t.analysis_id = a.id"
                        + " join office_cycle oc on oc.id = a.office_cycle_id"
                        + " where oc.cycle_id = :cycleId and t.chosen = true" + only
                        + " order by a.office_cycle_id, t.sort_order",
                params,
                rs -> {
                    chosen.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return chosen;
    }

    /** An open user task as a row of the dashboard needs it. */
    record OpenTask(String id, String processInstanceId, String name, String taskDefinitionKey, Instant dueDate) {
    }

    /**
     * The open user tasks of the office cycles' process instances of a cycle (of one office cycle when given), in
     * one query: the engine's task table joined with the office cycles (a read-only projection of
     * {@code ACT_RU_TASK}; whom the dashboard shows which office is decided by {@link OfficeVisibility}).
     */
    List<OpenTask> openTasks(Long cycleId, Long officeCycleId) {
        MapSqlParameterSource params = new MapSqlParameterSource("cycleId", cycleId);
        String sql = "select t.ID_, t.PROC_INST_ID_, t.NAME_, t.TASK_DEF_KEY_, t.DUE_DATE_ from ACT_RU_TASK t"
                + " join office_cycle oc on oc.process_instance_id = t.PROC_INST_ID_ where oc.cycle_id = :cycleId";
        if (officeCycleId != null) {
            sql += " and oc.id = :officeCycleId";
            params.addValue("officeCycleId", officeCycleId);
        }
        return jdbc.query(sql, params, (rs, row) -> {
            java.sql.Timestamp due = rs.getTimestamp(5);
            return new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    due == null ? null : due.toInstant());
        });
    }

    /**
     * The ids of the tasks of these process instances whose task-local {@code escalated} is true. For many instances
     * (more than one IN list) one query of every {@code escalated} variable of the engine, kept for these instances;
     * otherwise a query per IN list of instance ids.
     */
    Set<String> escalatedTaskIds(Collection<String> processInstanceIds) {
        Set<String> escalated = new HashSet<>();
        List<String[]> chunks = chunks(processInstanceIds);
        if (chunks.size() > 1) {
            Set<String> wanted = new HashSet<>(processInstanceIds);
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery().variableName(ESCALATED)
                    .disableCustomObjectDeserialization().list()) {
                if (variable.getTaskId() != null && wanted.contains(variable.getProcessInstanceId())
                        && isTrue(variable.getValue())) {
                    escalated.add(variable.getTaskId());
                }
            }
            return escalated;
        }
        for (String[] chunk : chunks) {
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .processInstanceIdIn(chunk).variableName(ESCALATED).disableCustomObjectDeserialization().list()) {
                if (variable.getTaskId() != null && isTrue(variable.getValue())) {
                    escalated.add(variable.getTaskId());
                }
            }
        }
        return escalated;
    }

    /** Every user task of one process instance, open or ended, in the order they were created. */
    List<HistoricTaskInstance> taskHistory(String processInstanceId) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderByHistoricTaskInstanceEndTime().asc().list();
    }

    /** Per task of one process instance, the user who completed it, from the engine's operation log. */
    Map<String, String> completedBy(String processInstanceId) {
        Map<String, String> users = new HashMap<>();
        for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
            if (entry.getTaskId() != null && entry.getUserId() != null) {
                users.put(entry.getTaskId(), entry.getUserId());
            }
        }
        return users;
    }

    static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && Boolean.parseBoolean(text.trim());
    }

    private static List<String[]> chunks(Collection<String> ids) {
        List<String> list = ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        List<String[]> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)).toArray(String[]::new));
        }
        return chunks;
    }
}
