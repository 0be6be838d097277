package th.obec.apimr.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import th.obec.apimr.support.FreePorts;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own, which tests can stop and start again on the
 * same port to simulate an outage of the mail server.
 */
final class MailCatcher {

    static final int PORT = FreePorts.any();

    private static GreenMail server;

    private MailCatcher() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    static synchronized void purge() {
        start();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
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
        try {
            if (!message.isMimeType("multipart/alternative")) {
                throw new AssertionError("Not multipart/alternative: " + message.getContentType());
            }
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part.getContent().toString();
                }
            }
            throw new AssertionError("No " + type + " part");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                    context, "spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT);
        }
    }
}
