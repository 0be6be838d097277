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
import org.camunda.bpm.engine.task.Task;
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
 * cycle, office, analysis and report capabilities, defined by their Flyway migrations), open tasks and escalations
 * from the engine.
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

    /** Every office by code. */
    Map<String, OfficeData> offices() {
        Map<String, OfficeData> offices = new HashMap<>();
        jdbc.query("select code, office_type, short_name_th, provinces_th, region_code from office", rs -> {
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

    /** The open user tasks of these process instances. */
    List<Task> openTasks(Collection<String> processInstanceIds) {
        List<Task> tasks = new ArrayList<>();
        for (String[] chunk : chunks(processInstanceIds)) {
            tasks.addAll(taskService.createTaskQuery().processInstanceIdIn(chunk).list());
        }
        return tasks;
    }

    /** The ids of the tasks of these process instances whose task-local {@code escalated} is true. */
    Set<String> escalatedTaskIds(Collection<String> processInstanceIds) {
        Set<String> escalated = new HashSet<>();
        for (String[] chunk : chunks(processInstanceIds)) {
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
