package th.obec.apimr.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import th.obec.apimr.ApimrApplication;
import th.obec.apimr.support.PostgresTestDatabase;

/**
 * What the launch and reminder benchmarks run on: the application as a Spring context of its own on a fresh
 * database (H2 in memory or a PostgreSQL database of its own), or stock Camunda (a plain engine with the
 * defaults of {@link StandaloneProcessEngineConfiguration}: history level "audit", no plugins, no authorization)
 * on a fresh database of the same kind, each with its statements counted by a {@link SqlCounter}.
 */
final class BenchmarkEnvironment {

    enum Database { H2, POSTGRES }

    /** A fresh database; for PostgreSQL created now and dropped by {@link #drop()}. */
    record FreshDatabase(Database kind, String url, String user, PostgresTestDatabase postgres) {

        static FreshDatabase of(Database kind) {
            if (kind == Database.H2) {
                return new FreshDatabase(kind, "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
                        null);
            }
            PostgresTestDatabase database = PostgresTestDatabase.create();
            return new FreshDatabase(kind, database.url(), database.user(), database);
        }

        void drop() {
            if (postgres != null) {
                postgres.drop();
            }
        }
    }

    private BenchmarkEnvironment() {
    }

    /**
     * Starts the application (profile {@code test}: no job executor unless the properties switch it on) on the
     * database, with every DataSource bean counted.
     */
    static ConfigurableApplicationContext product(FreshDatabase database, SqlCounter counter,
                                                  Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", database.url());
        all.put("spring.datasource.username", database.user());
        all.put("spring.datasource.password", "");
        all.put("server.port", 0);
        // The shared test server has room for about 100 connections; a pool fits the job executor's 8 threads.
        all.put("spring.datasource.hikari.maximum-pool-size", 16);
        all.put("spring.datasource.hikari.minimum-idle", 2);
        all.put("logging.level.org.camunda.bpm.engine.jobexecutor", "warn");
        all.putAll(properties);
        // As command-line arguments: they win over application-test.yml (builder properties would not).
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ApimrApplication.class)
                .profiles("test")
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(counter.postProcessor()))
                .logStartupInfo(false)
                .run(args);
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (!database.url().equals(url)) {
            context.close();
            throw new IllegalStateException("The context runs on " + url + " instead of " + database.url());
        }
        return context;
    }

    /** Stock Camunda on the database: defaults everywhere; a Hikari pool of 10, counted. */
    static ProcessEngine stockEngine(FreshDatabase database, SqlCounter counter, String name) {
        return stockEngine(database, counter, name, configuration -> {
        });
    }

    /** Stock Camunda on the database with one or more of its settings changed; a Hikari pool of 10, counted. */
    static ProcessEngine stockEngine(FreshDatabase database, SqlCounter counter, String name,
                                     Consumer<StandaloneProcessEngineConfiguration> settings) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword("");
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(2);
        pool.setPoolName("stock-" + name);
        DataSource dataSource = counter.wrap(new HikariDataSource(pool));
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        settings.accept(configuration);
        return configuration.buildProcessEngine();
    }

    /** Heap in use after a full collection, in MiB. */
    static long heapAfterGcMiB() {
        System.gc();
        return heapUsedMiB();
    }

    /** Heap in use now, in MiB. */
    static long heapUsedMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** The highest heap use the JVM's memory pools have seen since the last {@link #resetPeak()}, in MiB. */
    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static void resetPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%.0f/s", rate);
    }

    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", args);
    }
}
