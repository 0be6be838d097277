package th.obec.apimr.cycle;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a cycle's units (schools, about 29,000 a year, or offices) as separate process instances, in batches of
 * N instances per transaction, instead of one multi-instance activity over all of them: a multi-instance body
 * over thousands of waiting elements loads its whole execution tree on every step, while separate instances stay
 * independent. Each unit gets its business key and its variables (as the multi-instance sets {@code cycleId},
 * {@code fiscalYear}, {@code officeCode}); the instance's tenant follows from {@code officeCode} (the office's tenant,
 * see {@code OfficeTenantIdProvider}).
 * <p>
 * A batch is one engine command in one transaction: its instances are written together in JDBC batches, and it
 * commits as a whole or not at all. When a batch fails, the batches before it stay started and the result
 * says how many units were started: starting {@code units.subList(result.started(), units.size())} again resumes
 * where it stopped without starting any unit twice.
 */
@Service
public class UnitInstances {

    private static final Logger LOG = LoggerFactory.getLogger(UnitInstances.class);

    /** The most instances one transaction may start: beyond it a batch holds too many rows and locks at once. */
    public static final int MAX_BATCH_SIZE = 2000;

    private final RuntimeService runtimeService;
    private final CommandExecutor commands;
    private final TransactionTemplate transactions;

    UnitInstances(ProcessEngine processEngine, PlatformTransactionManager transactionManager) {
        this.runtimeService = processEngine.getRuntimeService();
        this.commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One unit to start: its business key and its process variables. */
    public record Unit(String businessKey, Map<String, Object> variables) {
    }

    /**
     * How a start went: {@code started} units (always whole batches, from the first), and for a failed batch the
     * error; null when every unit was started.
     */
    public record Result(int started, int batches, RuntimeException error) {
        public boolean complete() {
            return error == null;
        }
    }

    /** {@link #start(String, List, int, IntConsumer)} without progress reports. */
    public Result start(String processKey, List<Unit> units, int batchSize) {
        return start(processKey, units, batchSize, started -> { });
    }

    /**
     * Starts one instance of the latest {@code processKey} per unit, {@code batchSize} per transaction, in the order
     * given. Refuses bad input before starting anything, naming the field.
     *
     * @param afterBatch told the number of units started so far after each committed batch
     */
    public Result start(String processKey, List<Unit> units, int batchSize, IntConsumer afterBatch) {
        check(processKey, units, batchSize);
        int started = 0;
        int batches = 0;
        while (started < units.size()) {
            List<Unit> batch = units.subList(started, Math.min(units.size(), started + batchSize));
            try {
                // One engine command for the batch: the starts share its session, which writes their rows in
                // JDBC batches once at the end instead of a flush per instance.
                transactions.executeWithoutResult(status -> commands.execute(commandContext -> {
                    for (Unit unit : batch) {
                        runtimeService.createProcessInstanceByKey(processKey)
                                .businessKey(unit.businessKey())
                                .setVariables(unit.variables())
                                .execute();
                    }
                    return null;
                }));
            } catch (RuntimeException e) {
                LOG.warn("Starting {}: batch from unit {} ({}) failed; {} units started", processKey, started,
                        batch.get(0).businessKey(), started, e);
                return new Result(started, batches, e);
            }
            started += batch.size();
            batches++;
            afterBatch.accept(started);
        }
        LOG.info("Started {} instances of {} in {} batches", started, processKey, batches);
        return new Result(started, batches, null);
    }

    private static void check(String processKey, List<Unit> units, int batchSize) {
        if (processKey == null || processKey.isBlank()) {
            throw new IllegalArgumentException("processKey: required");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize: must be between 1 and " + MAX_BATCH_SIZE + ", was "
                    + batchSize);
        }
        if (units == null) {
            throw new IllegalArgumentException("units: required");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (unit == null || unit.businessKey() == null || unit.businessKey().isBlank()) {
                throw new IllegalArgumentException("units[" + i + "].businessKey: required");
            }
            if (!keys.add(unit.businessKey())) {
                throw new IllegalArgumentException("units[" + i + "].businessKey: " + unit.businessKey()
                        + " appears twice");
            }
            if (unit.variables() == null) {
                throw new IllegalArgumentException("units[" + i + "].variables: required (may be empty)");
            }
        }
    }
}
