package th.obec.apimr.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Test-only additions to a node started by {@link ClusterNodeMain} (never part of the product):
 * <ul>
 * <li>{@code GET /test/ready}: 200 once the application is ready (start-up runners done), 503 before;</li>
 * <li>{@code GET /test/clock}, {@code PUT /test/clock?at=<ISO instant>}: reads and sets the engine clock
 * ({@code ClockUtil}) of this JVM, so that the test moves the clocks of all nodes;</li>
 * <li>with {@code apimr.test.cluster.hang-mail-after=N}: the mail sender hands N emails to the SMTP server, then
 * every further send hangs forever before reaching the server, and the file {@code apimr.test.cluster.marker} is
 * written (a node to be killed in the middle of sending).</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
class ClusterNodeTestConfiguration {

    @Bean
    NodeControl nodeControl() {
        return new NodeControl();
    }

    @Bean
    static BeanPostProcessor hangingMailSender(Environment environment) {
        Integer limit = environment.getProperty("apimr.test.cluster.hang-mail-after", Integer.class);
        String marker = environment.getProperty("apimr.test.cluster.marker");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (limit != null && bean instanceof JavaMailSender sender) {
                    return new HangingMailSender(sender, limit, Path.of(marker));
                }
                return bean;
            }
        };
    }

    /** Hands {@code limit} messages to the real sender, then hangs every sending thread before the SMTP server. */
    static final class HangingMailSender implements JavaMailSender {

        private static final Logger LOG = LoggerFactory.getLogger(HangingMailSender.class);

        private final JavaMailSender delegate;
        private final int limit;
        private final Path marker;
        private final AtomicInteger handed = new AtomicInteger();
        private final AtomicBoolean marked = new AtomicBoolean();
        private final CountDownLatch never = new CountDownLatch(1);

        HangingMailSender(JavaMailSender delegate, int limit, Path marker) {
            this.delegate = delegate;
            this.limit = limit;
            this.marker = marker;
        }

        private void gate() {
            if (handed.incrementAndGet() <= limit) {
                return;
            }
            LOG.warn("Test: a mail send hangs here, after {} emails handed to the SMTP server", limit);
            if (marked.compareAndSet(false, true)) {
                try {
                    Files.writeString(marker, Integer.toString(limit), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            while (true) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // hang on: this node is to be killed, not stopped
                }
            }
        }

        @Override
        public MimeMessage createMimeMessage() {
            return delegate.createMimeMessage();
        }

        @Override
        public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
            return delegate.createMimeMessage(contentStream);
        }

        @Override
        public void send(MimeMessage mimeMessage) throws MailException {
            gate();
            delegate.send(mimeMessage);
        }

        @Override
        public void send(MimeMessage... mimeMessages) throws MailException {
            for (MimeMessage message : mimeMessages) {
                send(message);
            }
        }

        @Override
        public void send(SimpleMailMessage... simpleMessages) throws MailException {
            for (SimpleMailMessage message : simpleMessages) {
                gate();
                delegate.send(message);
            }
        }
    }
}
