package th.obec.apimr.notification;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Keeps the digest timer on {@code apimr.notifications.digest-hour}. The engine resolves a timer start event's
 * cycle when the model is deployed (and keeps that cycle for every later firing), and an unchanged model is not
 * deployed again; so after the hour was changed and the app restarted, the waiting timer would keep the old hour.
 * At start, when the timer is not due at the configured hour, this deploys the model again: the new version's timer
 * resolves {@code ${digestSchedule.cycle()}} afresh and replaces the old one.
 */
@Component
class DigestTimerAlignment implements ApplicationRunner {

    static final String PROCESS = "Process_DailyDigest";
    static final String MODEL = "processes/DailyDigest.bpmn";

    private static final Logger LOG = LoggerFactory.getLogger(DigestTimerAlignment.class);

    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final DigestSchedule schedule;

    DigestTimerAlignment(ManagementService managementService, RepositoryService repositoryService,
                         DigestSchedule schedule) {
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.schedule = schedule;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            align();
        } catch (RuntimeException e) {
            // Another node may be doing the same at this moment; its result is the same.
            LOG.warn("Could not move the daily digest timer to the configured hour: {}", e.toString());
        }
    }

    /** True when the timer was not at the digest hour and the model was deployed again to move it. */
    boolean align() {
        Job timer = managementService.createJobQuery().processDefinitionKey(PROCESS).timers().list().stream()
                .findFirst().orElse(null);
        if (timer == null || timer.getDuedate() == null || schedule.firesAtDigestHour(timer.getDuedate())) {
            return false;
        }
        repositoryService.createDeployment().name("daily-digest-hour").addClasspathResource(MODEL).deploy();
        LOG.info("Daily digest timer moved to the configured hour: {}", schedule.cycle());
        return true;
    }
}
