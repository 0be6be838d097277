package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project of an office's plan as other capabilities see it.
 *
 * @param id               the project's id; progress records refer to it
 * @param sortOrder        its place in the plan, from 1
 * @param budget           in baht, two decimals
 * @param startDate        null when not given
 * @param endDate          null when not given
 * @param indicatorCodes   the catalogue indicators it serves, as given
 */
public record ProjectView(Long id, int sortOrder, String name, String strategy, String responsibleGroup,
                          BigDecimal budget, LocalDate startDate, LocalDate endDate, List<String> indicatorCodes,
                          String targets) {
}
