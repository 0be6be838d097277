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
 * The dashboard's reads, each one query for a whole cycle (never one per office): the office cycles with their
 * offices and their open and escalated tasks counted, chosen indicators and indicator reports (read-only SQL
 * projections over the tables of the cycle, office, analysis and report capabilities, defined by their Flyway
 * migrations, and over the engine's task and variable tables); the next task of the rows of one page; one office's
 * escalations and task history through the engine's API.
 */
@Component
class DashboardData {

    /** The task-local variable another part of the product sets on a task it escalated. */
    static final String ESCALATED = "escalated";

    /** Engine queries take the process instance ids in chunks of this size (an IN list). */
    private static final int CHUNK = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    DashboardData(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService,
                  HistoryService historyService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /** An office's run of the cycle, as the dashboard needs it. */
    record OfficeCycleRow(Long id, String officeCode, String processInstanceId, Phase phase) {
    }

    /**
     * An office's run of the cycle with the office and its open tasks counted: what the summary, the filters and
     * the order of the dashboard need, one row per office.
     *
     * @param provincesTh    the provinces it serves, joined with commas
     * @param nextDue        the earliest due date among its open tasks
     * @param escalatedTasks open tasks whose task-local {@code escalated} is true
     */
    record Unit(Long id, String officeCode, String processInstanceId, Phase phase, OfficeType type,
                String shortNameTh, String provincesTh, String regionCode, int openTasks, int overdueTasks,
                Instant nextDue, int escalatedTasks) {
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

    /**
     * The offices of a cycle that the user may see (only the given office cycle when not null), in one query: the
     * office cycle, its office, and per office cycle its open tasks counted in the engine's task table (how many,
     * how many past due at {@code now}, the earliest due date) and its escalated open tasks counted in the engine's
     * variable table (a task-local {@code escalated} that is boolean true or the text "true"). Read-only projections
     * of {@code ACT_RU_TASK} and {@code ACT_RU_VARIABLE}.
     */
    List<Unit> units(Long cycleId, Long officeCycleId, OfficeVisibility visibility, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource("cycleId", cycleId)
                .addValue("now", java.sql.Timestamp.from(now));
        StringBuilder where = new StringBuilder(" where oc.cycle_id = :cycleId");
        String only = "";
        if (officeCycleId != null) {
            where.append(" and oc.id = :officeCycleId");
            only = " and c.id = :officeCycleId";
            params.addValue("officeCycleId", officeCycleId);
        }
        if (!visibility.seesEverything()) {
            List<String> seen = new ArrayList<>();
            if (!visibility.offices().isEmpty()) {
                seen.add("oc.office_code in (:offices)");
                params.addValue("offices", visibility.offices());
            }
            if (!visibility.regions().isEmpty()) {
                seen.add("o.region_code in (:regions)");
                params.addValue("regions", visibility.regions());
            }
            where.append(seen.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", seen) + ")");
        }
        String sql = "select oc.id, oc.office_code, oc.process_instance_id, oc.phase, o.office_type, o.short_name_th,"
                + " o.provinces_th, o.region_code, t.open_tasks, t.overdue_tasks, t.next_due, e.escalated_tasks"
                + " from office_cycle oc join office o on o.code = oc.office_code"
                + " left join (select c.id, count(*) open_tasks,"
                + " sum(case when t.DUE_DATE_ < :now then 1 else 0 end) overdue_tasks, min(t.DUE_DATE_) next_due"
                + " from ACT_RU_TASK t join office_cycle c on c.process_instance_id = t.PROC_INST_ID_"
                + " where c.cycle_id = :cycleId" + only + " group by c.id) t on t.id = oc.id"
                + " left join (select c.id, count(*) escalated_tasks from ACT_RU_VARIABLE v"
                + " join ACT_RU_TASK t on t.ID_ = v.TASK_ID_"
                + " join office_cycle c on c.process_instance_id = t.PROC_INST_ID_"
                + " where c.cycle_id = :cycleId" + only + " and v.NAME_ = '" + ESCALATED + "'"
                + " and ((v.TYPE_ = 'boolean' and v.LONG_ = 1)"
                + " or (v.TYPE_ = 'string' and lower(trim(v.TEXT_)) = 'true'))"
                + " group by c.id) e on e.id = oc.id"
                + where;
        return jdbc.query(sql, params, (rs, row) -> {
            java.sql.Timestamp next = rs.getTimestamp("next_due");
            return new Unit(rs.getLong("id"), rs.getString("office_code"), rs.getString("process_instance_id"),
                    Phase.valueOf(rs.getString("phase")), OfficeType.valueOf(rs.getString("office_type")),
                    rs.getString("short_name_th"), provinces(rs.getString("provinces_th")),
                    rs.getString("region_code"), rs.getInt("open_tasks"), rs.getInt("overdue_tasks"),
                    next == null ? null : next.toInstant(), rs.getInt("escalated_tasks"));
        });
    }

    /** Provinces as stored ({@code |}-separated) joined with commas. */
    private static String provinces(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.indexOf('|') < 0) {
            return stored.trim();
        }
        return String.join(", ", java.util.Arrays.stream(stored.split("\\|"))
                .map(String::trim).filter(p -> !p.isEmpty()).toList());
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
     * Per process instance (of those given: the rows of one page), its open user task due first, from the engine's
     * task table (a read-only projection of {@code ACT_RU_TASK}); instances without a task with a due date are left
     * out. Ties go to the task created first.
     */
    Map<String, OpenTask> nextTasks(Collection<String> processInstanceIds) {
        Map<String, OpenTask> next = new HashMap<>();
        for (String[] chunk : chunks(processInstanceIds)) {
            jdbc.query("select t.ID_, t.PROC_INST_ID_, t.NAME_, t.TASK_DEF_KEY_, t.DUE_DATE_ from ACT_RU_TASK t"
                            + " where t.PROC_INST_ID_ in (:ids) and t.DUE_DATE_ is not null"
                            + " order by t.DUE_DATE_, t.CREATE_TIME_, t.ID_",
                    new MapSqlParameterSource("ids", List.of(chunk)), rs -> {
                        String instance = rs.getString(2);
                        if (!next.containsKey(instance)) {
                            next.put(instance, new OpenTask(rs.getString(1), instance, rs.getString(3),
                                    rs.getString(4), rs.getTimestamp(5).toInstant()));
                        }
                    });
        }
        return next;
    }

    /** The ids of the tasks of one process instance whose task-local {@code escalated} is true (engine API). */
    Set<String> escalatedTaskIds(String processInstanceId) {
        Set<String> escalated = new HashSet<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceId).variableName(ESCALATED).disableCustomObjectDeserialization()
                .list()) {
            if (variable.getTaskId() != null && isTrue(variable.getValue())) {
                escalated.add(variable.getTaskId());
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
