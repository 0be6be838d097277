package th.obec.apimr.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Sends recorded notifications at most once per key under the claim protocol of {@link EmailTaskNotifier}: claim
 * the rows (conditional updates, own transaction), send, mark them sent (own transaction). {@link #deliverAll}
 * does so for the notices of one job, sending their emails over one SMTP connection; {@link #deliver} for one
 * notice (a digest), the same way. Every send of one notification carries the same Message-ID, derived from its
 * key. Without an SMTP server ({@code spring.mail.host} unset) there is no {@link JavaMailSender} and
 * {@link #configured()} is false.
 */
@Component
class MailOutbox {

    enum Outcome {
        /** This call sent it. */
        SENT,
        /** Nothing to do: sent (or settled) before. */
        ALREADY_DONE,
        /** Another run holds a fresh claim on it: that run sends it, or this job's retry will. */
        IN_PROGRESS,
        /** The SMTP server refused or did not answer; the row is FAILED with the error. */
        FAILED
    }

    record Result(Outcome outcome, Exception error) {
        boolean delivered() {
            return outcome == Outcome.SENT || outcome == Outcome.ALREADY_DONE;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    /** The system property by which Jakarta Mail finds its stream provider, and the one Angus Mail ships. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /*
     * Jakarta Mail looks its stream provider up again for every header it encodes or decodes and every body part it
     * makes or writes, a dozen times per email. Without this property each look-up is a ServiceLoader scan of every
     * jar on the class path (jakartaee/mail-api#861): a quarter of a reminder job's CPU time. Naming the provider
     * that comes with the mail library makes each look-up a class-name look-up. A JVM started with the property set
     * keeps its own.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && loadable(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationStore store;
    private final InternetAddress from;
    private final Duration claimTimeout;

    MailOutbox(ObjectProvider<JavaMailSender> senders, NotificationStore store,
               @Value("${apimr.notifications.from:APIMR สพฐ. <no-reply@apimr.local>}") String from,
               @Value("${apimr.notifications.claim-timeout:PT5M}") Duration claimTimeout) {
        this.senders = senders;
        this.store = store;
        this.claimTimeout = claimTimeout;
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalStateException("apimr.notifications.from is not an email address: " + from, e);
        }
    }

    /** Whether an SMTP server is configured; when not, notifications are recorded only. */
    boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Sends the recorded notifications of one job (key to email, in the order given) under the claim protocol,
     * with one commit per step rather than per email: claims all claimable ones in one transaction, sends the
     * claimed emails over one SMTP connection ({@link JavaMailSender#send(MimeMessage...)}: should the server drop
     * it, the sender opens another for the rest), then marks each one {@code SENT} or {@code FAILED} in one
     * transaction, each provided its claim is still this call's. A recipient the server refuses fails only its own
     * notification.
     *
     * @return the outcome of each key, in the order given
     */
    Map<String, Result> deliverAll(Map<String, Mail> mails) {
        return deliverAll(mails, null);
    }

    /**
     * Sends one recorded notification (a digest) as {@link #deliverAll} does, and runs {@code onSent} in the
     * transaction that marks it sent, with its id.
     */
    Result deliver(String key, Mail mail, Consumer<Long> onSent) {
        return deliverAll(Map.of(key, mail), (sentKey, id) -> onSent.accept(id)).get(key);
    }

    private Map<String, Result> deliverAll(Map<String, Mail> mails, BiConsumer<String, Long> alsoForEachSent) {
        Map<String, Result> results = new LinkedHashMap<>();
        if (mails.isEmpty()) {
            return results;
        }
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            store.markAllRecordedOnly(mails.keySet());
            mails.keySet().forEach(key -> results.put(key, new Result(Outcome.ALREADY_DONE, null)));
            return results;
        }
        NotificationStore.Claim claim = store.claimAll(mails.keySet(), TaskContext.now(), claimTimeout);
        List<String> unclaimed = mails.keySet().stream().filter(key -> !claim.keys().contains(key)).toList();
        Map<String, NoticeStatus> others = store.statuses(unclaimed);

        Map<MimeMessage, String> keyOf = new LinkedHashMap<>();
        Map<String, Exception> failed = new LinkedHashMap<>();
        for (Map.Entry<String, Mail> entry : mails.entrySet()) {
            if (!claim.keys().contains(entry.getKey())) {
                continue;
            }
            try {
                keyOf.put(message(entry.getKey(), entry.getValue()), entry.getKey());
            } catch (MessagingException | RuntimeException e) {
                failed.put(entry.getKey(), e);
            }
        }
        if (!keyOf.isEmpty()) {
            try {
                sender.send(keyOf.keySet().toArray(MimeMessage[]::new));
            } catch (MailSendException e) {
                if (e.getFailedMessages().isEmpty()) {
                    // Every message was accepted; only closing the connection failed.
                    LOG.warn("Notifications sent, but closing the SMTP connection failed: {}", e.toString());
                } else {
                    e.getFailedMessages().forEach((message, error) -> failed.put(keyOf.get(message), error));
                }
            } catch (RuntimeException e) {
                // Not sent at all (the server refused the login, or the sender could not prepare the messages).
                keyOf.values().forEach(key -> failed.put(key, e));
            }
        }
        List<String> sent = keyOf.values().stream().filter(key -> !failed.containsKey(key)).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        failed.forEach((key, error) -> {
            LOG.warn("Notification {} not sent: {}", key, error.toString());
            errors.put(key, describe(error));
        });
        Set<String> takenOver = store.settleAll(claim.token(), sent, errors, TaskContext.now(),
                alsoForEachSent);
        takenOver.forEach(key -> LOG.warn(
                "Notification {} was sent, but its claim had been taken over by another run meanwhile", key));

        for (String key : mails.keySet()) {
            if (failed.containsKey(key)) {
                results.put(key, new Result(Outcome.FAILED, failed.get(key)));
            } else if (claim.keys().contains(key)) {
                results.put(key, new Result(Outcome.SENT, null));
            } else {
                results.put(key, others.get(key) == NoticeStatus.SENDING
                        ? new Result(Outcome.IN_PROGRESS, null)
                        : new Result(Outcome.ALREADY_DONE, null));
            }
        }
        return results;
    }

    private MimeMessage message(String key, Mail mail) throws MessagingException {
        MimeMessage message = new KeyedMessage(messageId(key));
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(oneLine(mail.subject()), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.setSentDate(java.util.Date.from(TaskContext.now()));
        return message;
    }

    /**
     * The same Message-ID for every send of one notification: should a crash make a notification go out twice,
     * mail systems that drop duplicate Message-IDs show it once.
     */
    private String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String domain = from.getAddress().contains("@")
                    ? from.getAddress().substring(from.getAddress().indexOf('@') + 1) : "apimr.local";
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + ".notification@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").trim();
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        while (cause != null && text.length() < NotificationStore.MAX_ERROR) {
            text.append(" <- ").append(cause);
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static final class KeyedMessage extends MimeMessage {
        private final String messageId;

        KeyedMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, MailOutbox.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
