package th.obec.apimr.system;

import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The caches of the engine REST API's HAL relations, as Camunda's own web application distribution sets them up
 * in its {@code web.xml} (the Spring Boot starter does not): a task list answer embeds each task's process
 * definition and its assignee's name, and without these caches every page of Tasklist asks the engine for them
 * again in a command of its own. Process definitions never change once deployed (a new version has a new id);
 * a user's or group's new name shows once its entry has expired. The caches serve both the REST API
 * ({@code /engine-rest}) and Tasklist's own ({@code /camunda/api/engine}); {@code 0} seconds turns them off.
 */
@Configuration
class RestRelationCaches {

    @Bean
    ServletContextInitializer halRelationCaches(
            @Value("${apimr.rest.relation-cache-seconds:600}") int secondsToLive,
            @Value("${apimr.rest.relation-cache-capacity:500}") int capacity) {
        return servletContext -> {
            if (secondsToLive <= 0) {
                return;
            }
            servletContext.setInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME, configuration(
                    secondsToLive, capacity));
            servletContext.addListener(new HalRelationCacheBootstrap());
        };
    }

    static String configuration(int secondsToLive, int capacity) {
        String cache = "{\"capacity\": " + capacity + ", \"secondsToLive\": " + secondsToLive + "}";
        return "{\"cacheImplementation\": \"org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache\","
                + " \"caches\": {"
                + "\"org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition\": " + cache + ", "
                + "\"org.camunda.bpm.engine.rest.hal.user.HalUser\": " + cache + ", "
                + "\"org.camunda.bpm.engine.rest.hal.group.HalGroup\": " + cache + "}}";
    }
}
