package th.obec.apimr.benchmark;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small sampling profiler for one thread: every few milliseconds it records the thread's stack and counts, per
 * method of the application ({@code th.obec.apimr}, benchmarks left out) and per kind of work, in how many samples
 * it was on the stack. Shows where a benchmark's wall time goes without an agent.
 */
final class StackSampler implements AutoCloseable {

    private final Thread target;
    private final Thread sampler;
    private final Map<String, Integer> inclusive = new HashMap<>();
    private volatile boolean running = true;
    private int samples;

    StackSampler(Thread target) {
        this.target = target;
        this.sampler = new Thread(this::sample, "stack-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sample() {
        while (running) {
            StackTraceElement[] stack = target.getStackTrace();
            Set<String> seen = new HashSet<>();
            for (StackTraceElement frame : stack) {
                String cls = frame.getClassName();
                if (cls.startsWith("th.obec.apimr.") && !cls.startsWith("th.obec.apimr.benchmark.")
                        && !cls.contains("$$") && !cls.contains("Proxy")) {
                    seen.add(cls.substring("th.obec.apimr.".length()) + "." + frame.getMethodName());
                }
                if (cls.startsWith("java.net.SocketInputStream") || cls.startsWith("sun.nio.ch.NioSocketImpl")
                        || cls.startsWith("org.h2.command")) {
                    seen.add("(waiting for the database)");
                }
                if (cls.startsWith("org.camunda.bpm.engine.impl.history")) {
                    seen.add("(engine: history)");
                }
                if (cls.startsWith("org.camunda.bpm.engine.impl.db.sql.DbSqlSession")
                        || cls.startsWith("org.camunda.bpm.engine.impl.db.entitymanager")) {
                    seen.add("(engine: database session)");
                }
                if (cls.startsWith("org.hibernate")) {
                    seen.add("(JPA/Hibernate)");
                }
            }
            synchronized (this) {
                samples++;
                seen.forEach(key -> inclusive.merge(key, 1, Integer::sum));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The n entries on the stack most often, as "name 34%". */
    synchronized String top(int n) {
        List<Map.Entry<String, Integer>> sorted = inclusive.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n).toList();
        return sorted.stream().map(e -> String.format(Locale.ROOT, "`%s` %d%%", e.getKey(),
                Math.round(100.0 * e.getValue() / Math.max(1, samples)))).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
