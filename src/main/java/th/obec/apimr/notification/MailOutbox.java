package th.obec.apimr.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Sends a recorded notification at most once per key under the claim protocol of {@link EmailTaskNotifier}:
 * claim the row (conditional update, own transaction), send, mark it sent (own transaction). Without an SMTP
 * server ({@code spring.mail.host} unset) there is no {@link JavaMailSender} and {@link #configured()} is false.
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
     * Sends the recorded notification {@code key} unless it is sent or being sent.
     *
     * @param mail   builds the email (called only when this call holds the claim)
     * @param onSent runs in the transaction that marks the notification sent, with its id
     */
    Result deliver(String key, Supplier<Mail> mail, Consumer<Long> onSent) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            store.markRecordedOnly(key);
            return new Result(Outcome.ALREADY_DONE, null);
        }
        Optional<String> claim = store.claim(key, TaskContext.now(), claimTimeout);
        if (claim.isEmpty()) {
            NoticeStatus status = store.status(key).orElse(null);
            return status == NoticeStatus.SENDING
                    ? new Result(Outcome.IN_PROGRESS, null)
                    : new Result(Outcome.ALREADY_DONE, null);
        }
        String token = claim.get();
        try {
            sender.send(message(key, mail.get()));
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Notification {} not sent: {}", key, e.toString());
            store.markFailed(key, token, describe(e));
            return new Result(Outcome.FAILED, e);
        }
        if (!store.markSent(key, token, TaskContext.now(), onSent)) {
            LOG.warn("Notification {} was sent, but its claim had been taken over by another run meanwhile", key);
        }
        return new Result(Outcome.SENT, null);
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
}
