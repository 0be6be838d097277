package th.obec.apimr.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import th.obec.apimr.support.SmtpTestServer;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own, which tests can stop and start again on the
 * same port to simulate an outage of the mail server.
 */
final class MailCatcher {

    private static final SmtpTestServer SERVER = new SmtpTestServer();

    static final int PORT = SERVER.port();

    private MailCatcher() {
    }

    static void start() {
        SERVER.start();
    }

    static void stop() {
        SERVER.stop();
    }

    static void purge() {
        SERVER.purge();
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
                    context, SERVER.mailProperties());
        }
    }
}
