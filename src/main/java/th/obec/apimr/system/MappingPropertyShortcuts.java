package th.obec.apimr.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.MethodFailedException;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.springframework.stereotype.Component;

/**
 * Lets the engine's SQL mapping read its {@code isX} flags without a search through every method of the class.
 *
 * <p>The engine's MyBatis mapping tests flags by a method's own name, for example {@code query.isOrQueryActive}
 * and {@code query.isWithoutTenantId} in every task query (Tasklist's list and count). Such a name is no
 * JavaBean property (that would be {@code orQueryActive}), so MyBatis' OGNL finds the method on each evaluation
 * by copying and comparing all public methods of the class: {@code TaskQueryImpl} has several hundred, and one
 * evaluation allocates about 120 KB and takes some 30 µs of CPU, about half a megabyte per Tasklist request for a
 * task list page (BENCHMARKS.md, "Coordinator's task list"). The accessor registered here finds a flag's method
 * once per class and name and calls it; every other property goes the way OGNL's own accessor goes, and a name
 * that also has a JavaBean getter is left to OGNL too, so every expression evaluates as before.
 *
 * <p>OGNL keeps its accessors per class in static state of the MyBatis library, so this holds for every engine
 * in the JVM, as MyBatis' own accessor for its context does. The classes are the engine's query parameters
 * whose mapping names such flags.
 */
@Component
public class MappingPropertyShortcuts extends AbstractProcessEnginePlugin {

    /**
     * The engine's classes whose mapping expressions name an {@code isX} method as a property (public for the task
     * list benchmark, which switches their accessors to OGNL's own for its baseline).
     */
    public static final List<Class<?>> CLASSES = List.of(TaskQueryImpl.class, ProcessInstanceQueryImpl.class,
            HistoricProcessInstanceQueryImpl.class, HistoricTaskInstanceQueryImpl.class, AuthorizationCheck.class,
            TenantCheck.class);

    private static final PropertyAccessor ACCESSOR = new FlagMethods();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        install();
    }

    static void install() {
        for (Class<?> type : CLASSES) {
            OgnlRuntime.setPropertyAccessor(type, ACCESSOR);
        }
    }

    /** OGNL's own accessor for objects, with a short way to the flags' methods. */
    static final class FlagMethods extends ObjectPropertyAccessor {

        private final ClassValue<Map<String, Optional<Method>>> flags = new ClassValue<>() {
            @Override
            protected Map<String, Optional<Method>> computeValue(Class<?> type) {
                return new ConcurrentHashMap<>();
            }
        };

        @Override
        public Object getProperty(OgnlContext context, Object target, Object name) throws OgnlException {
            if (target != null && name instanceof String property && property.startsWith("is")) {
                Optional<Method> flag = flags.get(target.getClass())
                        .computeIfAbsent(property, key -> flagMethod(target.getClass(), key));
                if (flag.isPresent()) {
                    try {
                        return flag.get().invoke(target);
                    } catch (InvocationTargetException e) {
                        throw new MethodFailedException(target, property, e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new MethodFailedException(target, property, e);
                    }
                }
            }
            return super.getProperty(context, target, name);
        }

        /**
         * The public, argument-less, boolean method named exactly as the property, when the class has no JavaBean
         * getter of that property (which OGNL would call first).
         */
        static Optional<Method> flagMethod(Class<?> type, String property) {
            String capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
            if (publicMethod(type, "get" + capitalised).isPresent()
                    || publicMethod(type, "is" + capitalised).isPresent()) {
                return Optional.empty();
            }
            return publicMethod(type, property)
                    .filter(method -> method.getReturnType() == boolean.class
                            || method.getReturnType() == Boolean.class)
                    .filter(method -> Modifier.isPublic(method.getDeclaringClass().getModifiers()));
        }

        private static Optional<Method> publicMethod(Class<?> type, String name) {
            try {
                return Optional.of(type.getMethod(name));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    }
}
