package th.obec.apimr.cluster;

import java.util.UUID;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What makes the application one node of a homogeneous cluster: any number of nodes share one PostgreSQL
 * database, every node serves every user and runs every job (the job executor is not deployment-aware; see
 * {@code camunda.bpm.job-execution} in {@code application.yml}), and nodes starting together take turns
 * ({@link StartupLock}). README, "Running a cluster".
 */
@Configuration(proxyBeanMethods = false)
class ClusterNode {

    @Bean
    StartupLock startupLock(Environment environment) {
        return new StartupLock(environment);
    }

    @Bean
    NodeName nodeName(@Value("${apimr.cluster.node-name:}") String name) {
        return new NodeName(name);
    }

    /**
     * The node's name in the engine ({@code apimr.cluster.node-name}, {@code APIMR_NODE_NAME}): the engine writes it
     * into the history of every job it runs (Cockpit's job log, {@code ACT_HI_JOB_LOG.HOSTNAME_}), so an operator
     * sees which node ran or failed a job, and the job executor locks jobs as {@code <name>/<random id>}
     * ({@code ACT_RU_JOB.LOCK_OWNER_}), so one sees which node holds a job. Unset: the engine's defaults (the
     * machine's IP address and the engine's name; a random lock owner).
     */
    static final class NodeName extends AbstractProcessEnginePlugin {

        private static final Logger LOG = LoggerFactory.getLogger(NodeName.class);

        private final String name;

        NodeName(String name) {
            this.name = name == null ? "" : name.trim();
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (!name.isEmpty()) {
                configuration.setHostname(name);
                LOG.info("This node runs jobs as '{}'", name);
            }
        }

        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            if (!name.isEmpty() && configuration.getJobExecutor() != null) {
                configuration.getJobExecutor().setLockOwner(name + "/" + UUID.randomUUID());
            }
        }
    }
}
