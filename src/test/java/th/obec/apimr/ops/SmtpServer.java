package th.obec.apimr.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import th.obec.apimr.support.FreePorts;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port of its own, configured as the application's
 * {@code spring.mail.host}; tests stop it to see an outage and start it again on the same port.
 */
final class SmtpServer {

    static final int PORT = FreePorts.any();

    private static GreenMail server;

    private SmtpServer() {
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

    static synchronized int received() {
        return server == null ? 0 : server.getReceivedMessages().length;
    }

    /** Starts the server before the Spring context and points {@code spring.mail.*} at it. */
    static final class Configured implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            start();
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT,
                    "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
                    "spring.mail.properties[mail.smtp.timeout]=2000");
        }
    }
}
