package th.obec.apimr.ops;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

import th.obec.apimr.support.SmtpTestServer;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port of its own, configured as the application's
 * {@code spring.mail.host}; tests stop it to see an outage and start it again on the same port.
 */
final class SmtpServer {

    private static final SmtpTestServer SERVER = new SmtpTestServer();

    static final int PORT = SERVER.port();

    private SmtpServer() {
    }

    static void start() {
        SERVER.start();
    }

    static void stop() {
        SERVER.stop();
    }

    static int received() {
        return SERVER.received().size();
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
