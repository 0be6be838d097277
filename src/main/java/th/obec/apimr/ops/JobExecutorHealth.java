package th.obec.apimr.ops;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobExecutor}, part of readiness: UP when this node's job executor runs; DOWN when it is
 * configured to run ({@code camunda.bpm.job-execution.enabled}, {@code APIMR_JOB_EXECUTION}) but is not active
 * (stopped, or the engine is shutting down): then timers, reminders and asynchronous steps wait for other nodes, or
 * for nobody. UP on a node where job execution is switched off on purpose (a web-only node), saying so. Replaces the
 * Camunda starter's indicator of the same name, which is DOWN on such a node.
 *
 * <p>Details: the executor's settings and thread pool, and the database-wide backlog from {@link ProductFigures}
 * (jobs due now, jobs out of retries, open incidents; at most 30 s old).
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth implements HealthIndicator {

    private final ProcessEngine engine;
    private final boolean configuredToRun;
    private final ProductFigures figures;

    JobExecutorHealth(ProcessEngine engine, @Value("${camunda.bpm.job-execution.enabled:true}") boolean configuredToRun,
                      ProductFigures figures) {
        this.engine = engine;
        this.configuredToRun = configuredToRun;
        this.figures = figures;
    }

    @Override
    public Health health() {
        JobExecutor executor = ProductMetrics.jobExecutor(engine);
        boolean active = executor != null && executor.isActive();
        Health.Builder health = !configuredToRun || active ? Health.up() : Health.down();
        health.withDetail("enabled", configuredToRun).withDetail("active", active);
        if (!configuredToRun) {
            health.withDetail("note", "job execution is switched off on this node (APIMR_JOB_EXECUTION=false);"
                    + " other nodes run the jobs");
        } else if (!active) {
            health.withDetail("note", "configured to run but not active: this node runs no timers or asynchronous steps");
        }
        if (executor != null && configuredToRun) {
            health.withDetail("lockOwner", executor.getLockOwner())
                    .withDetail("lockTimeInMillis", executor.getLockTimeInMillis())
                    .withDetail("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition())
                    .withDetail("waitTimeInMillis", executor.getWaitTimeInMillis());
            if (executor instanceof SpringJobExecutor spring
                    && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
                health.withDetail("threadsBusy", pool.getActiveCount())
                        .withDetail("threadsMax", pool.getMaxPoolSize())
                        .withDetail("jobsQueuedOnThisNode", pool.getQueueSize());
            }
        }
        figures.current().ifPresent(figures -> health
                .withDetail("executableJobs", figures.executableJobs())
                .withDetail("failedJobs", figures.failedJobs())
                .withDetail("openIncidents", figures.openIncidents())
                .withDetail("backlogReadAt", figures.readAt().toString()));
        return health.build();
    }
}
