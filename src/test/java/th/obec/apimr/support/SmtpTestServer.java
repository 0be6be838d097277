package th.obec.apimr.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port of its own, kept for the server's life: a test can
 * stop it to see the mail server go down and start it again on the same port.
 */
public final class SmtpTestServer {

    private final int port = FreePorts.any();
    private GreenMail server;

    public int port() {
        return port;
    }

    /** The application's settings that send to this server. */
    public String[] mailProperties() {
        return new String[] {"spring.mail.host=127.0.0.1", "spring.mail.port=" + port};
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received since the start or the last purge; none while stopped. */
    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    /** Starts the server if needed and forgets what it received. */
    public synchronized void purge() {
        start();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part of the given type ({@code text/plain}, {@code text/html}) of a multipart/alternative mail. */
    public static String part(MimeMessage message, String type) {
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
}
