package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
 * Delivers task notices by email, each (task, kind, step, due date, recipient) at most once: when a task's due
 * date moves, the notices for the new date are new notices.
 *
 * <h2>What happens</h2>
 * The task is read from the engine (name, due date, process instance, {@code officeCode}, {@code officeName});
 * a task that is no longer open gets no notice. The groups are expanded to their members (de-duplicated; a user in
 * two groups gets one notice). For each member one row is recorded in {@code notification} under the key
 * {@code task:<taskId>:<kind>:<step>:<dueDate>:<userId>} (the task's due date as {@code yyyy-mm-dd} in the calendar's
 * zone, {@code -} without one):
 * <ul>
 *   <li>no email address in the user's profile: {@code SKIPPED_NO_EMAIL};</li>
 *   <li>the user chose a daily digest: {@code QUEUED_FOR_DIGEST} (the digest process sends it, see
 *       {@link DailyDigests});</li>
 *   <li>no SMTP server configured ({@code spring.mail.host} unset): {@code RECORDED_ONLY};</li>
 *   <li>otherwise {@code PENDING}, then sent by the claim protocol below: {@code SENT}, or {@code FAILED} with the
 *       error and the number of attempts.</li>
 * </ul>
 *
 * <h2>Claim protocol</h2>
 * One call (one send job) handles all its recipients together, with one commit per step rather than per email:
 * <ol>
 *   <li>Record the rows in one transaction: the keys already recorded are looked up, the others inserted in one
 *       batch. The unique key makes a concurrent insert of the same key (a second node) fail; that transaction
 *       is then rolled back and each row is inserted on its own, a duplicate key being ignored.</li>
 *   <li>Claim them in one transaction, under one new claim token: for each key, in key order,
 *       {@code UPDATE ... SET status = 'SENDING', claim_token = <token>} where the status is {@code PENDING} or
 *       {@code FAILED}, or {@code SENDING} with a claim older than {@code apimr.notifications.claim-timeout}
 *       (default PT5M, the job executor's lock time). The database lets exactly one concurrent caller update a
 *       row; the keys carrying the token are read back in the same transaction.</li>
 *   <li>Only the claimer sends, all its claimed emails over one SMTP connection
 *       ({@code JavaMailSender.send(MimeMessage...)}; the sender opens a new one for the rest only if the server
 *       drops it). A message the server refuses (a rejected recipient) fails only its own notice.</li>
 *   <li>Then, in one transaction, each sent row becomes {@code SENT} and each failed one {@code FAILED} with its
 *       error, provided the claim token is still this call's.</li>
 * </ol>
 * The rows are committed independently of the calling job's transaction, so a job that fails or is rolled back
 * never forgets an email that went out. The preferences of all members are read in one query.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Retries:</b> a retried job (or a second call) skips every notice already {@code SENT} and sends only
 *       those {@code PENDING} or {@code FAILED}: nothing is doubled.</li>
 *   <li><b>Concurrent runs</b> (two nodes, or a job whose lock expired running again): only one of them claims a
 *       notice. The other treats a freshly claimed notice as not yet delivered and fails after serving everyone
 *       else, so its job retries later and then finds the notice {@code SENT} (or takes it over if the claimer
 *       died). Nothing is lost because the second run returned early.</li>
 *   <li><b>SMTP down:</b> each failed notice is {@code FAILED}; after all recipients were tried this method throws
 *       {@link NotificationDeliveryException}, the job is retried with the engine's back-off
 *       ({@code failedJobRetryTimeCycle}) and, once retries are used up, Cockpit shows an incident. Retrying it
 *       after SMTP is back sends each missing email once.</li>
 *   <li><b>Crash after send, before {@code SENT} is committed:</b> the rows stay {@code SENDING}; once the claim
 *       is older than the claim timeout the job's retry takes them over and sends again. This is the one window in
 *       which a recipient can get an email twice (SMTP offers no way to ask whether a message arrived). It covers
 *       the emails of one job that the SMTP server accepted but that are not yet marked: the job's emails are
 *       marked together after the last of them was sent. All copies of one notice carry the same Message-ID,
 *       derived from the key, so mail systems that drop duplicate Message-IDs show it once. Nothing is ever
 *       lost.</li>
 *   <li><b>A send that outlives the claim timeout</b> may be taken over; the late run then does not overwrite the
 *       other's status. The SMTP timeouts ({@code mail.smtp.connectiontimeout}, {@code timeout},
 *       {@code writetimeout}) bound each exchange and a job sends its recipients' emails one after the other, so
 *       keep the timeouts times the recipients of one job (the members of a task's groups) well below the claim
 *       timeout.</li>
 * </ul>
 */
@Component("taskNotifier")
class EmailTaskNotifier implements TaskNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(EmailTaskNotifier.class);

    private final TaskFacts tasks;
    private final IdentityService identityService;
    private final NotificationPreferences preferences;
    private final NotificationStore store;
    private final MailOutbox outbox;
    private final MailComposer composer;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    EmailTaskNotifier(TaskFacts tasks, IdentityService identityService, NotificationPreferences preferences,
                      NotificationStore store, MailOutbox outbox, MailComposer composer, WorkingCalendar calendar,
                      @Value("${apimr.calendar.zone:Asia/Bangkok}") ZoneId zone) {
        this.tasks = tasks;
        this.identityService = identityService;
        this.preferences = preferences;
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.calendar = calendar;
        this.zone = zone;
    }

    @Override
    public void notifyTask(String taskId, NoticeKind kind, int step, Collection<String> groupIds) {
        if (taskId == null || kind == null) {
            throw new IllegalArgumentException("taskId and kind are required");
        }
        Optional<TaskFacts.OpenTask> found = tasks.open(taskId);
        if (found.isEmpty()) {
            LOG.info("Task {} is no longer open: no {} notice", taskId, kind);
            return;
        }
        TaskFacts.OpenTask task = found.get();
        LocalDate today = LocalDate.ofInstant(TaskContext.now(), zone);
        Timing timing = Timing.of(task.dueDate(), today, calendar);

        Map<String, User> members = members(groupIds);
        Map<String, NotificationPreference> preferenceOf = preferences.of(members.keySet());
        boolean configured = outbox.configured();
        List<NewNotice> notices = new ArrayList<>();
        Map<String, Mail> mails = new LinkedHashMap<>();
        Map<String, String> recipientOf = new LinkedHashMap<>();
        for (User user : members.values()) {
            NotificationPreference preference = preferenceOf.getOrDefault(user.getId(), NotificationPreference.DEFAULT);
            Language language = preference.language();
            String email = user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail().trim();
            MailComposer.TaskLine line = composer.line(kind, task, timing, language);
            Mail mail = email == null ? null : composer.notice(email, displayName(user), line, language);
            String key = key(task, kind, step, user);
            NewNotice notice = new NewNotice(key, user.getId(), email, kind.name(), step, task.id(), task.name(),
                    task.processInstanceId(), task.officeCode(), task.dueDate(), language,
                    mail == null ? null : mail.subject(), NoticeStatus.PENDING);
            if (email == null) {
                notices.add(notice.withStatus(NoticeStatus.SKIPPED_NO_EMAIL));
                LOG.info("User {} has no email address: {} notice about task {} skipped", user.getId(), kind,
                        task.id());
            } else if (preference.digest()) {
                notices.add(notice.withStatus(NoticeStatus.QUEUED_FOR_DIGEST));
            } else {
                notices.add(configured ? notice : notice.withStatus(NoticeStatus.RECORDED_ONLY));
                mails.put(key, mail);
                recipientOf.put(key, user.getId());
            }
        }
        store.insertAllIfAbsent(notices, TaskContext.now());
        Map<String, MailOutbox.Result> results = outbox.deliverAll(mails);

        // Notices another run was sending when claimed: delivered if that run has finished them meanwhile.
        List<String> inProgress = results.entrySet().stream()
                .filter(result -> result.getValue().outcome() == MailOutbox.Outcome.IN_PROGRESS)
                .map(Map.Entry::getKey).toList();
        Map<String, NoticeStatus> nowStatus = store.statuses(inProgress);
        List<String> undelivered = new ArrayList<>();
        Exception firstError = null;
        for (Map.Entry<String, MailOutbox.Result> entry : results.entrySet()) {
            MailOutbox.Result result = entry.getValue();
            if (result.outcome() == MailOutbox.Outcome.IN_PROGRESS
                    && nowStatus.get(entry.getKey()) != NoticeStatus.SENDING) {
                continue;
            }
            if (!result.delivered()) {
                undelivered.add(recipientOf.get(entry.getKey()) + " (" + result.outcome() + ")");
                firstError = firstError != null ? firstError : result.error();
            }
        }
        if (!undelivered.isEmpty()) {
            throw new NotificationDeliveryException("Task " + taskId + ": " + kind + " step " + step
                    + " not delivered to " + String.join(", ", undelivered), firstError);
        }
    }

    private static String key(TaskFacts.OpenTask task, NoticeKind kind, int step, User user) {
        return "task:" + task.id() + ":" + kind + ":" + step + ":" + (task.dueDate() == null ? "-" : task.dueDate())
                + ":" + user.getId();
    }

    /** The members of the groups, each once, in the order of the groups. */
    private Map<String, User> members(Collection<String> groupIds) {
        Map<String, User> members = new LinkedHashMap<>();
        if (groupIds == null) {
            return members;
        }
        for (String groupId : groupIds) {
            if (groupId == null || groupId.isBlank()) {
                continue;
            }
            for (User user : identityService.createUserQuery().memberOfGroup(groupId.trim()).orderByUserId().asc()
                    .list()) {
                members.putIfAbsent(user.getId(), user);
            }
        }
        return members;
    }

    static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
