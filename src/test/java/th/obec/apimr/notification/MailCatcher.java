package th.obec.apimr.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import th.obec.apimr.support.SmtpRelay;
import th.obec.apimr.support.SmtpTestServer;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own, which tests can stop and start again on the
 * same port to simulate an outage of the mail server. The application sends through an {@link SmtpRelay} in front
 * of it, which counts the SMTP connections and can refuse chosen recipients; stopping stops both.
 */
final class MailCatcher {

    private static final SmtpTestServer SERVER = new SmtpTestServer();
    private static final SmtpRelay RELAY = new SmtpRelay(SERVER.port());

    private MailCatcher() {
    }

    static void start() {
        SERVER.start();
        RELAY.start();
    }

    static void stop() {
        RELAY.stop();
        SERVER.stop();
    }

    /** Starts the server if needed, forgets what it received and the connections, and accepts every recipient. */
    static void purge() {
        start();
        SERVER.purge();
        RELAY.resetCount();
        RELAY.acceptAll();
    }

    /** The SMTP connections the application opened since the last {@link #purge()}. */
    static int connections() {
        return RELAY.connections();
    }

    /** The server refuses this recipient (550) until the next {@link #purge()}. */
    static void refuse(String email) {
        RELAY.refuse(email);
    }

    static void acceptAll() {
        RELAY.acceptAll();
    }

    static List<MimeMessage> received() {
        return SERVER.received();
    }

    static List<MimeMessage> receivedBy(String email) {
        return received().stream().filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The body part of the given type ({@code text/plain}, {@code text/html}) of a multipart/alternative mail. */
    static String part(MimeMessage message, String type) {
        return SmtpTestServer.part(message, type);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server before the Spring context and points {@code spring.mail.port} at it. */
    static final class PortInitializer
            implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            start();
            org.springframework.test.context.support.TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context, "spring.mail.host=127.0.0.1", "spring.mail.port=" + RELAY.port());
        }
    }
}
