package th.obec.apimr.task;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * The application's API answers a body it cannot read with 400 and what is wrong (malformed JSON with its line
 * and column, or the field whose value has the wrong type), and a body of the wrong type with 415 and the types
 * it takes, in the shape of {@link FormValidationAdvice}. Ahead of Spring's generic problem details, which do not
 * name the problem.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequestAdvice {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "MalformedRequest");
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            body.put("message", field + ": ค่าไม่ถูกชนิด (wrong type or unreadable value: "
                    + mapping.getOriginalMessage().lines().findFirst().orElse("") + ")");
            body.put("field", field);
        } else if (cause instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            body.put("message", "ข้อมูล JSON ไม่ถูกต้อง (malformed JSON" + where + ": "
                    + json.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } else {
            body.put("message", "อ่านข้อมูลที่ส่งมาไม่ได้ (request body missing or unreadable)");
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> unsupported(HttpMediaTypeNotSupportedException unsupported) {
        String accepted = unsupported.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", "));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "UnsupportedMediaType");
        body.put("message", "ชนิดข้อมูล " + unsupported.getContentType() + " ใช้ไม่ได้ (Content-Type "
                + unsupported.getContentType() + " is not supported; send " + accepted + ")");
        body.put("field", "Content-Type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(body);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
