package th.obec.apimr.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API and the application's own API answer only to users known to the engine (HTTP Basic
 * against Camunda's identity service); the starter leaves {@code /engine-rest} open otherwise. The filter sets
 * the engine's current authentication for the request, so task completions are recorded with the user. A client's
 * sign-in (user, groups, tenants) is remembered for {@code apimr.rest.sign-in-cache-seconds} ({@link RestSignIns}).
 */
@Configuration
class RestAuthenticationConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(RestSignIns signIns) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new WebappSessionAuthentication.BasicUnlessSessionFilter(signIns));
        registration.setName("apimr-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        return registration;
    }
}
