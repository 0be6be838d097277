package th.obec.apimr.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A cycle as other capabilities and the API see it. */
public record CycleView(Long id, int fiscalYear, int catalogueYear, String status, String processInstanceId,
                        String launchedBy, Instant launchedAt, Instant closedAt, Map<Deadline, LocalDate> deadlines,
                        long offices, int midYearClosed, int annualClosed) {
}
