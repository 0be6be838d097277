package th.obec.apimr.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One request to the engine REST API reads a filter once, not once per engine command.
 *
 * <p>A Tasklist page is one request ({@code POST .../filter/{id}/list} with Tasklist's own query), which the engine
 * REST API answers with three commands one after the other: it reads the filter to learn its type, then runs the
 * page and the count, each of which checks READ on the filter and reads it again (two statements each). Within a
 * request to {@code /engine-rest} or the webapps' {@code /camunda/api}, the second and later commands of the same
 * signed-in user take the filter as the first command read it, after its READ check: a request sees one state of
 * its filter, as if it were one transaction. Each command still gets an entity of its own, made from the filter's
 * stored query and properties, so nothing one command does to it reaches the next. Saving or deleting a filter
 * forgets what the request read of it, and nothing is kept beyond the request: the next request checks and reads
 * again, so a changed filter or a removed grant applies from the next request on. Engine commands outside a REST
 * request (the application's own, the job executor's) read as the engine does.
 */
@Configuration
class FilterReadsPerRequest {

    /** The filters the current request has read, by id; none outside a request to the engine REST API. */
    private static final ThreadLocal<Map<String, FilterRead>> READS = new ThreadLocal<>();

    @Bean
    AbstractProcessEnginePlugin filterReadsPerRequestPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<SessionFactory> factories = new ArrayList<>();
                if (configuration.getCustomSessionFactories() != null) {
                    factories.addAll(configuration.getCustomSessionFactories());
                }
                factories.add(new Factory());
                configuration.setCustomSessionFactories(factories);
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestScope> filterReadsPerRequestScope() {
        FilterRegistrationBean<RequestScope> registration = new FilterRegistrationBean<>(new RequestScope());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setName("filterReadsPerRequest");
        return registration;
    }

    /** Runs {@code work} as a request to the REST API would run: with a record of filter reads of its own. */
    static void inRequest(Runnable work) {
        boolean opened = open();
        try {
            work.run();
        } finally {
            close(opened);
        }
    }

    /** Opens a record of filter reads for this thread unless one is open; whether this call opened it. */
    private static boolean open() {
        if (READS.get() != null) {
            return false;
        }
        READS.set(new HashMap<>());
        return true;
    }

    private static void close(boolean opened) {
        if (opened) {
            READS.remove();
        }
    }

    /** Opens the request's record of filter reads and drops it when the request ends. */
    static final class RequestScope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean opened = open();
            try {
                chain.doFilter(request, response);
            } finally {
                close(opened);
            }
        }
    }

    /** The engine's filter manager, which within a request reads each filter once per signed-in user. */
    static final class FilterManagerReadingOncePerRequest extends FilterManager {

        @Override
        public FilterEntity findFilterById(String filterId) {
            Map<String, FilterRead> reads = READS.get();
            if (reads == null || filterId == null) {
                return super.findFilterById(filterId);
            }
            Authentication user = Context.getCommandContext().getAuthentication();
            boolean checked = isAuthorizationEnabled() && Context.getCommandContext().isAuthorizationCheckEnabled();
            FilterRead read = reads.get(filterId);
            if (read != null && read.by(user) && (read.checked() || !checked)) {
                FilterEntity cached = getDbEntityManager().getCachedEntity(FilterEntity.class, filterId);
                if (cached != null) {
                    return cached;
                }
                FilterEntity filter = read.entity();
                getDbEntityManager().onEntityLoaded(filter);
                return filter;
            }
            FilterEntity filter = super.findFilterById(filterId);
            if (filter != null) {
                reads.put(filterId, FilterRead.of(filter, user, checked));
            }
            return filter;
        }

        @Override
        public Filter insertOrUpdateFilter(Filter filter) {
            forget(filter.getId());
            return super.insertOrUpdateFilter(filter);
        }

        @Override
        public void deleteFilter(String filterId) {
            forget(filterId);
            super.deleteFilter(filterId);
        }

        private static void forget(String filterId) {
            Map<String, FilterRead> reads = READS.get();
            if (reads != null && filterId != null) {
                reads.remove(filterId);
            }
        }
    }

    /**
     * A filter as a command of the request read it, for whom, and whether READ was checked then (a read without the
     * check, where a command switched checks off, serves no later command that checks).
     */
    record FilterRead(String id, int revision, String resourceType, String name, String owner, String query,
                      String properties, String userId, List<String> groupIds, List<String> tenantIds,
                      boolean checked) {

        static FilterRead of(FilterEntity filter, Authentication user, boolean checked) {
            return new FilterRead(filter.getId(), filter.getRevision(), filter.getResourceType(), filter.getName(),
                    filter.getOwner(), filter.getQueryInternal(), filter.getPropertiesInternal(),
                    user == null ? null : user.getUserId(), user == null ? null : user.getGroupIds(),
                    user == null ? null : user.getTenantIds(), checked);
        }

        boolean by(Authentication user) {
            return user == null ? userId == null
                    : Objects.equals(userId, user.getUserId()) && Objects.equals(groupIds, user.getGroupIds())
                    && Objects.equals(tenantIds, user.getTenantIds());
        }

        /** A new entity of the filter, as the engine makes one from its row. */
        FilterEntity entity() {
            FilterEntity filter = new FilterEntity(resourceType);
            filter.setId(id);
            filter.setRevision(revision);
            filter.setName(name);
            filter.setOwner(owner);
            filter.setQueryInternal(query);
            filter.setPropertiesInternal(properties);
            return filter;
        }
    }

    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return FilterManager.class;
        }

        @Override
        public Session openSession() {
            return new FilterManagerReadingOncePerRequest();
        }
    }
}
