package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One revision of an office's plan as other capabilities see it.
 *
 * @param id            the plan's id (one plan per office cycle)
 * @param status        where the plan stands now
 * @param revision      the revision shown, from 1
 * @param totalBudget   the sum of the projects' budgets, baht
 */
public record PlanView(Long id, Long officeCycleId, PlanStatus status, int revision, String title, String summary,
                       BigDecimal totalBudget, String submittedBy, Instant submittedAt, List<ProjectView> projects) {
}
