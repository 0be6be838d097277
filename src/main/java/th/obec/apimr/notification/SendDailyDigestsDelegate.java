package th.obec.apimr.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendDailyDigests}: sends the digests of the day the process started ({@code digestDay}). Runs in a
 * job of its own (asyncBefore); when SMTP fails it throws, and the job's retries send only the missing digests.
 */
@Component("sendDailyDigestsDelegate")
class SendDailyDigestsDelegate implements JavaDelegate {

    static final String DIGEST_DAY = "digestDay";

    private final DailyDigests digests;
    private final DigestSchedule schedule;

    SendDailyDigestsDelegate(DailyDigests digests, DigestSchedule schedule) {
        this.digests = digests;
        this.schedule = schedule;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object day = execution.getVariable(DIGEST_DAY);
        digests.send(day == null ? schedule.day(schedule.today()) : schedule.day(day.toString()));
    }
}
