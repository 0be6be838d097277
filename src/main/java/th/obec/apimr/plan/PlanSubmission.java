package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the coordinators submitted on Form_PlanProjects, checked. */
record PlanSubmission(String title, String summary, List<ProjectInput> projects) {

    record ProjectInput(String name, String strategy, String responsibleGroup, BigDecimal budget,
                        LocalDate startDate, LocalDate endDate, List<String> indicatorCodes, String targets) {
    }
}
