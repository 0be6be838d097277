package th.obec.apimr.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs due jobs as the job executor would, but in the test's thread at the engine clock's "now": round after
 * round (a job may make the next one due), until none is left. More rounds than {@code maxRounds} fail the test:
 * the jobs would keep coming.
 */
public final class DueJobs {

    private DueJobs() {
    }

    /** Every executable job of the engine. */
    public static void run(ManagementService management, int maxRounds) {
        run(management, () -> management.createJobQuery().executable().list(), maxRounds);
    }

    /** The executable jobs the query finds, asked again each round. */
    public static void run(ManagementService management, Supplier<List<Job>> due, int maxRounds) {
        for (int round = 0; round < maxRounds; round++) {
            List<Job> jobs = due.get();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }
}
