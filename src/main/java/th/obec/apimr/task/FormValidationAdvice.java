package th.obec.apimr.task;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused submissions answer 400 naming the field, on the engine REST API and on the application's API. */
@Configuration
class FormValidationRestConfig {

    @Bean
    ResourceConfigCustomizer formValidationOnEngineRest() {
        return config -> config.register(FormValidationExceptionMapper.class);
    }

    @RestControllerAdvice
    static class ApiAdvice {

        @ExceptionHandler(ProcessEngineException.class)
        ResponseEntity<Map<String, Object>> engineFailure(ProcessEngineException exception) {
            FormValidationException refused = FormValidationException.findIn(exception);
            if (refused == null) {
                return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of(
                        "type", exception.getClass().getSimpleName(),
                        "message", String.valueOf(exception.getMessage())));
            }
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                    "type", FormValidationException.class.getSimpleName(),
                    "message", refused.getMessage(),
                    "field", refused.getField()));
        }
    }
}
