package th.obec.apimr.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The status page ({@code /dashboard}), its API ({@code /api/dashboard/*}) and the national roll-up's API
 * ({@code /api/rollup/*}), and the administrators' record of notifications and escalated tasks
 * ({@code /api/admin/notifications}, {@code /api/admin/escalations}) accept the Camunda webapps' login:
 * whoever logged in to Welcome/Tasklist (same servlet session) is the engine's current user for the request, with
 * their groups read afresh. Without that session the API falls back to HTTP Basic (the engine REST filter of
 * {@link RestAuthenticationConfig}); the page accepts HTTP Basic too and otherwise redirects to the Camunda login.
 */
@Configuration
class WebappSessionAuthentication {

    /** Set on a request this filter authenticated from the webapp session; the Basic filter then lets it pass. */
    static final String AUTHENTICATED_BY_SESSION = WebappSessionAuthentication.class.getName() + ".user";

    @Bean
    FilterRegistrationBean<SessionFilter> webappSessionAuthenticationFilter(
            ProcessEngine engine, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<SessionFilter> registration =
                new FilterRegistrationBean<>(new SessionFilter(engine, webappPath));
        registration.setName("apimr-webapp-session-authentication");
        // the roll-up page (/rollup) holds no data and reads /api/rollup with whatever login the browser has
        registration.addUrlPatterns("/dashboard", "/dashboard/*", "/api/dashboard/*", "/api/rollup/*");
        // the notifications page (/dashboard/notifications) reads these two administrator APIs
        registration.addUrlPatterns("/api/admin/notifications", "/api/admin/escalations");
        // before the engine REST filter (registered with the lowest precedence)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    static final class SessionFilter implements Filter {

        private final ProcessEngine engine;
        private final String loginPath;

        SessionFilter(ProcessEngine engine, String webappPath) {
            this.engine = engine;
            String base = webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath;
            this.loginPath = base + "/app/welcome/" + engine.getName() + "/";
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpServletResponse response = (HttpServletResponse) res;
            String userId = sessionUser(request.getSession(false));
            boolean page = !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            if (userId == null && page && request.getHeader("Authorization") != null) {
                AuthenticationResult basic = new HttpBasicAuthenticationProvider()
                        .extractAuthenticatedUser(request, engine);
                if (!basic.isAuthenticated()) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                    return;
                }
                userId = basic.getAuthenticatedUser();
            }
            if (userId == null) {
                if (page) {
                    response.sendRedirect(request.getContextPath() + loginPath);
                } else {
                    chain.doFilter(request, response); // HTTP Basic, or 401, from the engine REST filter
                }
                return;
            }
            IdentityService identity = engine.getIdentityService();
            identity.setAuthentication(userId, groupsOf(userId), tenantsOf(userId));
            request.setAttribute(AUTHENTICATED_BY_SESSION, userId);
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        /** The user logged in to the webapps for this engine, if they still exist. */
        private String sessionUser(HttpSession session) {
            if (session == null) {
                return null;
            }
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications == null) {
                return null;
            }
            Authentication authentication = authentications.getAuthenticationForProcessEngine(engine.getName());
            if (authentication == null || authentication.getIdentityId() == null) {
                return null;
            }
            String userId = authentication.getIdentityId();
            return engine.getIdentityService().createUserQuery().userId(userId).count() == 1 ? userId : null;
        }

        private List<String> groupsOf(String userId) {
            return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).toList();
        }

        private List<String> tenantsOf(String userId) {
            return engine.getIdentityService().createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                    .list().stream().map(Tenant::getId).toList();
        }
    }

    /**
     * The engine REST filter (HTTP Basic) that lets through a request already authenticated from the webapp
     * session by {@link SessionFilter}.
     */
    static final class BasicUnlessSessionFilter extends ProcessEngineAuthenticationFilter {

        private final RestSignIns signIns;

        BasicUnlessSessionFilter(RestSignIns signIns) {
            this.signIns = signIns;
        }

        @Override
        public void init(FilterConfig filterConfig) throws ServletException {
            super.init(filterConfig);
            authenticationProvider = new RememberedBasicSignIn(signIns);
        }

        @Override
        protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
            return signIns.groups(engine.getName(), userId, () -> super.getGroupsOfUser(engine, userId));
        }

        @Override
        protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
            return signIns.tenants(engine.getName(), userId, () -> super.getTenantsOfUser(engine, userId));
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request.getAttribute(AUTHENTICATED_BY_SESSION) != null) {
                chain.doFilter(request, response);
            } else {
                super.doFilter(request, response, chain);
            }
        }
    }

    /** HTTP Basic against the engine's identity service, with the sign-ins of {@link RestSignIns} remembered. */
    static final class RememberedBasicSignIn extends HttpBasicAuthenticationProvider {

        private final RestSignIns signIns;

        RememberedBasicSignIn(RestSignIns signIns) {
            this.signIns = signIns;
        }

        @Override
        protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
            return signIns.signsIn(engine.getName(), userName, password,
                    () -> super.isAuthenticated(engine, userName, password));
        }
    }
}
