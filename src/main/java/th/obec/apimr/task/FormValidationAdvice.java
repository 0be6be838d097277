package th.obec.apimr.task;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The application's API answers a refused submission with 400, the field and the reason, in the shape the engine
 * REST API uses for its own errors ({@link FormValidationPlugin} makes the engine REST API do the same).
 */
@RestControllerAdvice
class FormValidationAdvice {

    @ExceptionHandler(FormValidationException.class)
    ResponseEntity<Map<String, Object>> refused(FormValidationException refused) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "type", FormValidationException.class.getSimpleName(),
                "message", refused.getMessage(),
                "field", refused.getField()));
    }
}
