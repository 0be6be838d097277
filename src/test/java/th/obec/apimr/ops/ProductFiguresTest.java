package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/** However often the gauges are read, the database is asked at most once per refresh interval, also while it fails. */
class ProductFiguresTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ProductFigures figures = new ProductFigures(jdbc, mock(ManagementService.class, RETURNS_DEEP_STUBS),
            mock(RuntimeService.class, RETURNS_DEEP_STUBS), Duration.ofSeconds(30), nanos::get);

    @Test
    void readsOncePerIntervalWhateverTheNumberOfScrapes() {
        doReturn(3L).when(jdbc).queryForObject(anyString(), eq(Long.class));

        for (int scrape = 0; scrape < 20; scrape++) {
            assertThat(figures.current()).hasValueSatisfying(s -> assertThat(s.cyclesRunning()).isEqualTo(3));
        }
        verify(jdbc, times(2)).queryForObject(anyString(), eq(Long.class)); // cycles and office cycles, once

        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        figures.current();
        verify(jdbc, times(2)).queryForObject(anyString(), eq(Long.class));

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        doReturn(4L).when(jdbc).queryForObject(anyString(), eq(Long.class));
        assertThat(figures.current()).hasValueSatisfying(s -> assertThat(s.cyclesRunning()).isEqualTo(4));
        verify(jdbc, times(4)).queryForObject(anyString(), eq(Long.class));
    }

    @Test
    void aFailingDatabaseGivesNoFiguresAndIsNotAskedAgainBeforeTheInterval() {
        doThrow(new DataAccessResourceFailureException("down")).when(jdbc).queryForObject(anyString(), eq(Long.class));

        assertThat(figures.current()).isEmpty();
        assertThat(figures.current()).isEmpty();
        verify(jdbc, times(1)).queryForObject(anyString(), eq(Long.class));

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        doReturn(1L).when(jdbc).queryForObject(anyString(), eq(Long.class));
        assertThat(figures.current()).hasValueSatisfying(s -> assertThat(s.cyclesRunning()).isEqualTo(1));
    }
}
