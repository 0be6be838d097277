package th.obec.apimr.support;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The engine's SQL as MyBatis logs it at DEBUG ("Preparing:", "Parameters:", "Total:" under the logger named after
 * the mapping's namespace and statement) while a piece of work runs; the logger's level is restored afterwards.
 */
public final class StatementLog {

    private StatementLog() {
    }

    /** What {@code work} answered, and the events logged under {@code loggerName} meanwhile. */
    public record Captured<T>(T answer, List<ILoggingEvent> events) {
    }

    public static <T> Captured<T> during(String loggerName, Callable<T> work) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        T answer;
        try {
            answer = work.call();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        return new Captured<>(answer, List.copyOf(appender.list));
    }

    /** The events logged under {@code loggerName} while {@code work} runs. */
    public static List<ILoggingEvent> during(String loggerName, Runnable work) {
        try {
            return during(loggerName, () -> {
                work.run();
                return null;
            }).events();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
