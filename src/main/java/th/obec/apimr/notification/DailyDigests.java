package th.obec.apimr.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import th.obec.apimr.calendar.WorkingCalendar;
import th.obec.apimr.system.TaskContext;

/**
 * Sends each user with notices {@code QUEUED_FOR_DIGEST} one email listing their tasks that are still open, due soon
 * or overdue, soonest due first (a task named by several notices is listed once). Each digest is a notification of
 * its own under the key {@code digest:<userId>:<yyyy-mm-dd>} and goes through the same record/claim protocol as a
 * single notice (see {@link EmailTaskNotifier}): at most one digest per user and day, however often the job runs.
 * The notices it lists become {@code DIGESTED} (linked to the digest) in the transaction that marks the digest
 * {@code SENT}; notices of tasks closed meanwhile become {@code TASK_CLOSED}. Notices queued after a user's digest
 * of the day was sent wait for the next day's digest.
 */
@Component
class DailyDigests {

    private static final Logger LOG = LoggerFactory.getLogger(DailyDigests.class);

    private final NotificationStore store;
    private final NotificationPreferences preferences;
    private final IdentityService identityService;
    private final TaskFacts tasks;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final WorkingCalendar calendar;

    DailyDigests(NotificationStore store, NotificationPreferences preferences, IdentityService identityService,
                 TaskFacts tasks, MailOutbox outbox, MailComposer composer, WorkingCalendar calendar) {
        this.store = store;
        this.preferences = preferences;
        this.identityService = identityService;
        this.tasks = tasks;
        this.outbox = outbox;
        this.composer = composer;
        this.calendar = calendar;
    }

    /**
     * Sends the day's digests.
     *
     * @throws NotificationDeliveryException after trying every user, when some digests could not be sent
     */
    void send(LocalDate day) {
        List<String> undelivered = new ArrayList<>();
        Exception firstError = null;
        for (String userId : store.recipientsWithQueuedNotices()) {
            MailOutbox.Result result = sendTo(userId, day);
            if (!result.delivered()) {
                undelivered.add(userId + " (" + result.outcome() + ")");
                firstError = firstError != null ? firstError : result.error();
            }
        }
        if (!undelivered.isEmpty()) {
            throw new NotificationDeliveryException("Daily digest of " + day + " not delivered to "
                    + String.join(", ", undelivered), firstError);
        }
    }

    private MailOutbox.Result sendTo(String userId, LocalDate day) {
        String key = "digest:" + userId + ":" + day;
        List<NotificationRecord> queued = store.queuedFor(userId);
        Map<String, Item> items = new LinkedHashMap<>();
        List<Long> closed = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        NotificationPreference preference = preferences.of(userId);
        Language language = preference.language();
        for (NotificationRecord notice : queued) {
            Optional<TaskFacts.OpenTask> task = notice.taskId() == null ? Optional.empty() : tasks.open(notice.taskId());
            if (task.isEmpty()) {
                closed.add(notice.id());
                continue;
            }
            listed.add(notice.id());
            NoticeKind kind = NoticeKind.valueOf(notice.kind());
            Timing timing = Timing.of(task.get().dueDate(), day, calendar);
            items.merge(task.get().id(), new Item(task.get(), composer.line(kind, task.get(), timing, language)),
                    (first, later) -> later);
        }
        store.settleQueued(closed, NoticeStatus.TASK_CLOSED, null);
        if (items.isEmpty()) {
            return new MailOutbox.Result(MailOutbox.Outcome.ALREADY_DONE, null);
        }
        List<MailComposer.TaskLine> lines = items.values().stream()
                .sorted(Comparator.comparing((Item item) -> item.task().dueDate(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Item::line).toList();

        User user = identityService.createUserQuery().userId(userId).singleResult();
        String email = user == null || user.getEmail() == null || user.getEmail().isBlank()
                ? null : user.getEmail().trim();
        String name = user == null ? userId : EmailTaskNotifier.displayName(user);
        Mail mail = email == null ? null : composer.digest(email, name, day, lines, language);
        NewNotice digest = new NewNotice(key, userId, email, "DIGEST", lines.size(), null, null, null, null, day,
                language, mail == null ? null : mail.subject(), NoticeStatus.PENDING);

        if (email == null) {
            LOG.info("User {} has no email address any more: digest of {} skipped", userId, day);
            store.recordDigestNotSent(digest.withStatus(NoticeStatus.SKIPPED_NO_EMAIL), TaskContext.now(), listed,
                    NoticeStatus.SKIPPED_NO_EMAIL);
            return new MailOutbox.Result(MailOutbox.Outcome.ALREADY_DONE, null);
        }
        if (!outbox.configured()) {
            store.recordDigestNotSent(digest.withStatus(NoticeStatus.RECORDED_ONLY), TaskContext.now(), listed,
                    NoticeStatus.DIGESTED);
            return new MailOutbox.Result(MailOutbox.Outcome.ALREADY_DONE, null);
        }
        store.insertIfAbsent(digest, TaskContext.now());
        return outbox.deliver(key, mail,
                digestId -> store.settleQueuedInCurrentTransaction(listed, NoticeStatus.DIGESTED, digestId));
    }

    private record Item(TaskFacts.OpenTask task, MailComposer.TaskLine line) {
    }
}
