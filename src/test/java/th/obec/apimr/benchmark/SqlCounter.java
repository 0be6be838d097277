package th.obec.apimr.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what a data source is asked to do, without a dependency: a proxy around the DataSource, its connections
 * and statements. A <em>round trip</em> is one {@code execute*} or {@code executeBatch} call; a <em>statement</em>
 * is one SQL statement run (each {@code addBatch} entry counts); <em>rows written</em> is the sum of update counts
 * (an entry of a batch whose count the driver does not report counts as one row). Per statement shape (SQL with
 * literals and in-lists folded) it also keeps how often it ran, to show which statements dominate.
 */
final class SqlCounter {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern FIRST_TABLE = Pattern.compile(
            "^(insert\\s+into|update|delete\\s+from|select.*?\\sfrom)\\s+([a-z0-9_.]+)", Pattern.CASE_INSENSITIVE);
    /**
     * Shapes of the SQL texts seen, so that the counter's own regular expressions run once per text, not on every
     * statement the measured code prepares (a few percent of the measured threads' CPU otherwise). Bounded, as
     * texts with in-lists of every length may come.
     */
    private static final Map<String, String> SHAPES = new ConcurrentHashMap<>();
    private static final int MAX_SHAPES = 10_000;

    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder jdbcNanos = new LongAdder();
    private final Map<String, AtomicLong> byShape = new ConcurrentHashMap<>();

    /** The figures at one moment; subtract two to get what happened in between. */
    record Snapshot(long roundTrips, long statements, long rowsWritten, long commits, long jdbcNanos,
                    Map<String, Long> byShape) {

        Snapshot minus(Snapshot before) {
            Map<String, Long> shapes = new java.util.HashMap<>(byShape);
            before.byShape.forEach((shape, n) -> shapes.merge(shape, -n, Long::sum));
            shapes.values().removeIf(n -> n == 0);
            return new Snapshot(roundTrips - before.roundTrips, statements - before.statements,
                    rowsWritten - before.rowsWritten, commits - before.commits, jdbcNanos - before.jdbcNanos, shapes);
        }

        /** The statement kinds ("insert ACT_HI_VARINST") that ran most often, with their counts, most first. */
        List<Map.Entry<String, Long>> top(int n) {
            return byShape.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(n).toList();
        }

        /** How many statements touched tables whose name starts with prefix (e.g. "act_hi_"). */
        long onTables(String prefix) {
            return byShape.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT)
                    .contains(" " + prefix.toLowerCase(Locale.ROOT))).mapToLong(Map.Entry::getValue).sum();
        }
    }

    Snapshot snapshot() {
        Map<String, Long> shapes = new java.util.HashMap<>();
        byShape.forEach((shape, n) -> shapes.put(shape, n.get()));
        return new Snapshot(roundTrips.sum(), statements.sum(), rowsWritten.sum(), commits.sum(), jdbcNanos.sum(),
                shapes);
    }

    /** A bean post-processor that wraps the context's DataSource beans in this counter. */
    BeanPostProcessor postProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
            }
        };
    }

    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection target) {
        return proxy(Connection.class, target, (proxy, method, args) -> {
            long start = System.nanoTime();
            Object result = invoke(target, method, args);
            if ("commit".equals(method.getName())) {
                commits.increment();
                jdbcNanos.add(System.nanoTime() - start);
            }
            if (result instanceof CallableStatement) {
                return result;
            }
            if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql) {
                return prepared(prepared, sql);
            }
            if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
                return plain(statement);
            }
            return result;
        });
    }

    private PreparedStatement prepared(PreparedStatement target, String sql) {
        String shape = shape(sql);
        int[] pending = new int[1];
        return proxy(PreparedStatement.class, target, (proxy, method, args) -> {
            String name = method.getName();
            long start = System.nanoTime();
            Object result = invoke(target, method, args);
            if (name.startsWith("execute")) {
                jdbcNanos.add(System.nanoTime() - start);
            }
            switch (name) {
                case "addBatch" -> pending[0]++;
                case "executeBatch", "executeLargeBatch" -> {
                    roundTrips.increment();
                    statements.add(pending[0]);
                    count(shape, pending[0]);
                    pending[0] = 0;
                    rowsWritten.add(batchRows(result));
                }
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                    roundTrips.increment();
                    statements.increment();
                    count(shape, 1);
                    if (result instanceof Integer n && n > 0) {
                        rowsWritten.add(n);
                    } else if (result instanceof Long n && n > 0) {
                        rowsWritten.add(n);
                    } else if ("execute".equals(name) && Boolean.FALSE.equals(result)) {
                        rowsWritten.add(Math.max(0, target.getUpdateCount()));
                    }
                }
                default -> { }
            }
            return result;
        });
    }

    private Statement plain(Statement target) {
        return proxy(Statement.class, target, (proxy, method, args) -> {
            long start = System.nanoTime();
            Object result = invoke(target, method, args);
            if (method.getName().startsWith("execute")) {
                jdbcNanos.add(System.nanoTime() - start);
            }
            if (method.getName().startsWith("execute") && args != null && args.length > 0
                    && args[0] instanceof String sql) {
                roundTrips.increment();
                statements.increment();
                count(shape(sql), 1);
                if (result instanceof Integer n && n > 0) {
                    rowsWritten.add(n);
                }
            }
            return result;
        });
    }

    private void count(String shape, long n) {
        if (n > 0) {
            byShape.computeIfAbsent(shape, s -> new AtomicLong()).addAndGet(n);
        }
    }

    private static long batchRows(Object result) {
        long rows = 0;
        if (result instanceof int[] counts) {
            for (int count : counts) {
                rows += count >= 0 ? count : count == Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
        } else if (result instanceof long[] counts) {
            for (long count : counts) {
                rows += count >= 0 ? count : count == Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
        }
        return rows;
    }

    /** "insert act_hi_varinst", "select act_ru_task", "update office_cycle": what kind of statement on which table. */
    static String shape(String sql) {
        String known = SHAPES.get(sql);
        if (known != null) {
            return known;
        }
        String shape = shapeOf(sql);
        if (SHAPES.size() < MAX_SHAPES) {
            SHAPES.put(sql, shape);
        }
        return shape;
    }

    private static String shapeOf(String sql) {
        String flat = SPACES.matcher(sql.trim()).replaceAll(" ");
        Matcher matcher = FIRST_TABLE.matcher(flat);
        if (matcher.find()) {
            String verb = matcher.group(1).toLowerCase(Locale.ROOT).split(" ")[0];
            return verb + " " + matcher.group(2).toLowerCase(Locale.ROOT);
        }
        return flat.length() > 60 ? flat.substring(0, 60).toLowerCase(Locale.ROOT) : flat.toLowerCase(Locale.ROOT);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == a[0];
                    case "hashCode" -> System.identityHashCode(p);
                    case "toString" -> "counting " + target;
                    default -> invoke(target, m, a);
                };
            }
            if ("unwrap".equals(m.getName()) || "isWrapperFor".equals(m.getName())) {
                return invoke(target, m, a);
            }
            return handler.invoke(p, m, a);
        });
    }
}
