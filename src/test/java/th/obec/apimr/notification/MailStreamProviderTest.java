package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.Test;

/**
 * Once the outbox is loaded, Jakarta Mail finds its stream provider by the class name the outbox gives, the one the
 * mail library ships, instead of scanning the class path for it on every look-up.
 */
class MailStreamProviderTest {

    @Test
    void theOutboxNamesTheMailLibrarysOwnStreamProvider() throws Exception {
        Class.forName(MailOutbox.class.getName());

        assertThat(System.getProperty(MailOutbox.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(MailOutbox.ANGUS_STREAM_PROVIDER);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailOutbox.ANGUS_STREAM_PROVIDER);
    }
}
