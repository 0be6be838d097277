package th.obec.apimr.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.office.OfficeType;
import th.obec.apimr.plan.PlanView;
import th.obec.apimr.report.ReportView;

/** What the dashboard's API answers (JSON). Dates are ISO (CE); the page shows them in the Buddhist era. */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** A cycle the user may open. */
    public record CycleEntry(Long id, int fiscalYear, String status, long offices) {
    }

    /**
     * The status page of one cycle for one user: the figures over every office they may see, and one page of the
     * rows of those offices that match the request's filters.
     *
     * @param scope     {@code ALL}, {@code REGION} or {@code OFFICE}: what the figures cover
     * @param admin     true for OBEC administrators: the page links to the record of notifications and escalations
     * @param asOf      the moment the figures were computed (the engine's clock)
     * @param national  per round, over every office the user sees
     * @param regions   per inspection region with a visible office, per round
     * @param phases    offices per phase, in cycle order, with how many reached it (the funnel), every office the
     *                  user sees
     * @param totals    offices and their open, overdue and escalated tasks, every office the user sees
     * @param paging    which page {@code offices} is, of how many rows matching the filters
     * @param offices   the rows of the page, in the requested order
     */
    public record CycleDashboard(Long cycleId, int fiscalYear, String cycleStatus, String scope, Instant asOf,
                                 List<DeadlineEntry> deadlines, List<RoundEntry> rounds, List<RoundFigures> national,
                                 List<RegionFigures> regions, List<PhaseCount> phases, Totals totals, Paging paging,
                                 List<OfficeRow> offices, boolean admin) {
    }

    /**
     * Counts over every office the user sees.
     *
     * @param overdueOffices   offices with at least one overdue open task
     * @param escalatedOffices offices with at least one escalated open task
     */
    public record Totals(int offices, int openTasks, int overdueTasks, int overdueOffices, int escalatedTasks,
                         int escalatedOffices) {
    }

    /**
     * The page of rows answered.
     *
     * @param page     0-based
     * @param pages    pages of {@code size} rows the matching offices fill
     * @param matching offices matching the filters (all pages)
     * @param phases   the funnel over the matching offices
     */
    public record Paging(int page, int size, int pages, int matching, List<PhaseCount> phases) {
    }

    public record DeadlineEntry(String key, String labelTh, LocalDate date) {
    }

    /** A round of the cycle; {@code rollupUrl} is the national roll-up page of that round. */
    public record RoundEntry(Round round, String labelTh, LocalDate reportDeadline, Instant dueAt, String rollupUrl) {
    }

    /**
     * One round's figures over a set of offices, as reporting-rate reports give them.
     *
     * @param offices      offices taking part (the expected reporters)
     * @param submitted    offices that submitted every report they owe
     * @param onTime       of those, offices whose every report was first submitted by the deadline
     * @param late         submitted, not on time
     * @param accepted     offices whose every report is accepted
     * @param completeness submitted / offices x 100, one decimal; null without offices
     * @param timeliness   on time / offices x 100, one decimal; null without offices
     * @param levels       offices per quality level, 5 down to 1 (an office's level: the rounded mean of its
     *                     accepted reports' levels)
     * @param noLevel      offices without an accepted report
     * @param statuses     offices per {@link RoundStatus}, every status present
     */
    public record RoundFigures(Round round, int offices, int submitted, int onTime, int late, int accepted,
                               Double completeness, Double timeliness, Map<Integer, Integer> levels, int noLevel,
                               Map<RoundStatus, Integer> statuses) {
    }

    public record RegionFigures(String regionCode, String nameTh, String nameEn, int offices,
                                List<RoundFigures> rounds) {
    }

    /**
     * @param current offices in this phase now
     * @param reached offices in this phase or past it
     */
    public record PhaseCount(Phase phase, String letter, String labelTh, int current, int reached) {
    }

    /**
     * One office's row.
     *
     * @param provincesTh    the provinces it serves, joined
     * @param phaseLetter    A, P, I, M or R; {@code -} before the cycle, {@code ✓} when done
     * @param openTasks      its open user tasks in the engine
     * @param overdueTasks   open tasks past their due date
     * @param escalatedTasks open tasks whose task-local variable {@code escalated} is true
     * @param nextDeadline   the earliest due date among its open tasks
     * @param nextTaskName   the task due then
     */
    public record OfficeRow(Long officeCycleId, String officeCode, String officeName, OfficeType officeType,
                            String provincesTh, String regionCode, String regionNameTh, String regionNameEn,
                            Phase phase, String phaseLetter, int openTasks, int overdueTasks, int escalatedTasks,
                            Instant nextDeadline, String nextTaskName, String nextTaskKey,
                            List<OfficeRound> rounds) {
    }

    /**
     * One office in one round.
     *
     * @param expected     reports it owes (its chosen indicators, else the whole catalogue)
     * @param submitted    owed reports submitted, whatever their status
     * @param accepted     owed reports accepted
     * @param returned     owed reports returned for revision and not resubmitted
     * @param allSubmitted every owed report submitted
     * @param onTime       every owed report submitted, each first by the deadline
     * @param qualityLevel rounded mean of its accepted levels; null when none
     */
    public record OfficeRound(Round round, RoundStatus status, int expected, int submitted, int accepted,
                              int returned, boolean allSubmitted, boolean onTime, Integer qualityLevel) {
    }

    /** An office's cycle opened from its row. */
    public record OfficeDetail(OfficeRow office, Long cycleId, int fiscalYear, String processInstanceId,
                               List<String> chosenIndicators, List<TaskEntry> tasks, PlanView plan,
                               Map<Round, List<ReportView>> reports) {
    }

    /**
     * One user task of the office's process, from the engine's history.
     *
     * @param state       {@code OPEN}, {@code COMPLETED} or {@code CANCELLED}
     * @param completedBy who completed it (the engine's operation log, else the assignee)
     * @param late        completed after its due date, or open past it
     */
    public record TaskEntry(String taskId, String key, String name, Instant created, Instant due, Instant ended,
                            String state, String completedBy, String assignee, boolean late, boolean escalated) {
    }
}
