package th.obec.apimr.ops;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

import th.obec.apimr.notification.NoticeStatus;

/**
 * The product's own gauges, {@code apimr_*} in Prometheus (README, "Production", lists them). Every node of a cluster
 * reports the same database-wide figures, except {@code apimr_job_executor_active}, which is the node's own: aggregate
 * the others with {@code max}, not {@code sum}.
 */
@Component
class ProductMetrics implements MeterBinder {

    private final ProductFigures figures;
    private final ProcessEngine engine;

    ProductMetrics(ProductFigures figures, ProcessEngine engine) {
        this.figures = figures;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "apimr.cycles.running", "Cycles launched and not closed",
                ProductFigures.Snapshot::cyclesRunning);
        gauge(registry, "apimr.office.cycles.running", "Office processes started and not completed, in running cycles",
                ProductFigures.Snapshot::officeCyclesRunning);
        for (String phase : TaskPhases.LETTERS) {
            Gauge.builder("apimr.tasks.open", figures, f -> value(f, s -> s.openTasks().get(phase)))
                    .description("Open user tasks of the cycle models, by APIMR step").tag("phase", phase)
                    .register(registry);
            Gauge.builder("apimr.tasks.overdue", figures, f -> value(f, s -> s.overdueTasks().get(phase)))
                    .description("Open user tasks past their due date (engine clock), by APIMR step")
                    .tag("phase", phase).register(registry);
        }
        for (NoticeStatus status : NoticeStatus.values()) {
            Gauge.builder("apimr.notifications", figures, f -> value(f, s -> s.notifications().get(status)))
                    .description("Recorded notifications (table notification), by status: SENT, FAILED, ...")
                    .tag("status", status.name()).register(registry);
        }
        gauge(registry, "apimr.jobs.executable", "Jobs due now with retries left: the job executors' backlog",
                ProductFigures.Snapshot::executableJobs);
        gauge(registry, "apimr.jobs.failed", "Jobs without retries left (each has an incident in Cockpit)",
                ProductFigures.Snapshot::failedJobs);
        gauge(registry, "apimr.incidents.open", "Open incidents (Cockpit)", ProductFigures.Snapshot::openIncidents);
        Gauge.builder("apimr.job.executor.active", engine, e -> jobExecutor(e).isActive() ? 1 : 0)
                .description("1 when this node's job executor is running").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<ProductFigures.Snapshot> value) {
        Gauge.builder(name, figures, f -> value(f, value::applyAsDouble)).description(description)
                .register(registry);
    }

    private static double value(ProductFigures figures, Function<ProductFigures.Snapshot, Number> of) {
        return figures.current().map(of).map(Number::doubleValue).orElse(Double.NaN);
    }

    static JobExecutor jobExecutor(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }
}
