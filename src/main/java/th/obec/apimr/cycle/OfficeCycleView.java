package th.obec.apimr.cycle;

import java.time.Instant;

/** One office's cycle as other capabilities and the API see it. */
public record OfficeCycleView(Long id, Long cycleId, int fiscalYear, int catalogueYear, String officeCode,
                              String businessKey, String processInstanceId, Phase phase, Instant startedAt,
                              Instant completedAt, Instant midYearClosedAt, Instant annualClosedAt) {
}
