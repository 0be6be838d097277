package th.obec.apimr.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level {@code full}, without a copy of every process variable's every value.
 *
 * <p>At Camunda's level {@code full} each write of a process or task variable adds a row to {@code ACT_HI_DETAIL}
 * (a "variable update"), besides the variable itself ({@code ACT_RU_VARIABLE}) and its historic instance
 * ({@code ACT_HI_VARINST}, which keeps the last value). Nothing in the product, Tasklist or Cockpit's community
 * edition reads those rows (only the REST API's {@code /history/detail} and the Java API's historic detail query
 * return them), while they are a fifth of the SQL of launching an office's cycle (27 of its 142 statements) and of
 * starting a school's. The product keeps its own record of every business change (the audit trail), and its process
 * variables carry ids and decisions only.
 *
 * <p>With {@code apimr.history.variable-details: false} (the default) the engine runs with this level: the same id
 * (3) and name ({@code full}) as Camunda's, so a database made with {@code full} is accepted either way and the
 * setting can be changed at any restart, and every event of level {@code full} except the variable update detail:
 * historic variable instances, the user operation log (Tasklist's task history), the job log, incidents, decisions'
 * history and identity links are written as before, and so are the form field details ({@code formField} rows in
 * {@code ACT_HI_DETAIL}: the values a user submitted with a task's form). {@code true} restores Camunda's own
 * level.
 *
 * <p>The engine picks a history level by name, the last registered with the name configured
 * ({@code camunda.bpm.history-level: full}); this level is registered after Camunda's.
 */
@Component
class EngineHistoryLevel extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHistoryLevel.class);

    private final boolean variableDetails;

    EngineHistoryLevel(@Value("${apimr.history.variable-details:false}") boolean variableDetails) {
        this.variableDetails = variableDetails;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (variableDetails) {
            LOG.info("The engine writes a historic detail row for every variable write (apimr.history.variable-details)");
            return;
        }
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(FullWithoutVariableDetails.INSTANCE);
        configuration.setCustomHistoryLevels(levels);
    }

    /** Camunda's level {@code full} without the variable update detail. */
    static final class FullWithoutVariableDetails extends HistoryLevelFull {

        static final FullWithoutVariableDetails INSTANCE = new FullWithoutVariableDetails();

        private FullWithoutVariableDetails() {
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }

        @Override
        public String toString() {
            return "full without variable update details";
        }
    }
}
