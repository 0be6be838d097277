package th.obec.apimr.system;

import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One JSON mapper for the engine REST API ({@code /engine-rest}) and the webapps' APIs ({@code /camunda/api/*},
 * Tasklist's task list among them), configured exactly as Camunda's {@link JacksonConfigurator} configures one.
 * <p>
 * Camunda registers {@code JacksonConfigurator} as the REST API's {@code ContextResolver<ObjectMapper>}, and it
 * answers every look-up with a new mapper: every request body read and every answer written built Jackson's
 * (de)serializers for its types again, from their annotations and properties. For a Tasklist page that is the
 * filter's stored query and the request's body (TaskQueryDto, some hundred properties) read twice, and the answer
 * written. In a profile of the task list benchmark Jackson had an eighth of the CPU samples of Tomcat's threads,
 * half of it building deserializers. A mapper is safe to share once configured (it
 * copies its date format for each use), and keeps what it built.
 * <p>
 * Jersey finds this resolver through {@link Registration} (its auto-discovery,
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}) in every JAX-RS application of the
 * web application. For a media type Jersey asks the resolvers in the order its injection manager ranks them, and a
 * provider registered with a priority ranks ahead of one without, as Camunda registers its own; the first that
 * answers is used. This one answers for the same media types as Camunda's ({@code SharedRestObjectMapperTest}
 * checks that Tasklist's API and the engine REST API use it).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(SharedRestObjectMapper.PRIORITY)
public final class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

    /** Any priority ranks the resolver ahead of Camunda's, which is registered without one. */
    static final int PRIORITY = Priorities.USER;

    private static final Logger LOG = LoggerFactory.getLogger(SharedRestObjectMapper.class);
    private static final LongAdder LOOK_UPS = new LongAdder();
    private static volatile ObjectMapper shared;
    private static volatile boolean answering = true;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        if (!answering) {
            return null;
        }
        LOOK_UPS.increment();
        ObjectMapper mapper = shared;
        if (mapper == null) {
            synchronized (SharedRestObjectMapper.class) {
                mapper = shared;
                if (mapper == null) {
                    // Made on first use, after the webapps' start-up has given JacksonConfigurator its date format
                    mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
                    shared = mapper;
                    LOG.info("The REST APIs read and write JSON with one shared mapper");
                }
            }
        }
        return mapper;
    }

    /**
     * Whether the REST APIs take their mapper from here (the default) or, switched off, from Camunda's
     * {@code JacksonConfigurator}, a new one each time: Jersey asks the next resolver when one answers null. For
     * the task list benchmark, which times both.
     */
    public static void answer(boolean shareOneMapper) {
        answering = shareOneMapper;
    }

    /** How many times a REST API asked for its mapper since the JVM started (for tests). */
    static long lookUps() {
        return LOOK_UPS.sum();
    }

    /** Registers the resolver in each JAX-RS application Jersey starts (server side). */
    @ConstrainedTo(RuntimeType.SERVER)
    @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
    public static final class Registration implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
                context.register(SharedRestObjectMapper.class, PRIORITY);
            }
        }
    }
}
