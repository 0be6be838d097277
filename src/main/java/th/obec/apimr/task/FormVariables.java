package th.obec.apimr.task;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Converts between Java values and the variables Camunda Forms read and write: lists and maps travel as JSON
 * (Tasklist parses them for dynamic lists and sends them back as JSON); everything else as it is.
 */
@Component
public class FormVariables {

    private final ObjectMapper json;

    FormVariables(ObjectMapper json) {
        this.json = json;
    }

    /** A value to store as a variable: lists, maps and records become JSON variables. */
    public Object toVariable(Object value) {
        if (value == null || value instanceof TypedValue) {
            return value == null ? Variables.untypedNullValue() : value;
        }
        if (value instanceof Collection || value instanceof Map || value instanceof Record) {
            try {
                return SpinValues.jsonValue(json.writeValueAsString(value)).create();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write form value as JSON", e);
            }
        }
        return value;
    }

    /** Whether the text is well-formed JSON (null counts as JSON null). */
    boolean isJson(String text) {
        if (text == null) {
            return true;
        }
        try {
            json.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** A submitted variable as a JSON tree (null stays null). */
    JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof SpinJsonNode spin) {
                return json.readTree(spin.toString());
            }
            if (value instanceof String text) {
                String trimmed = text.trim();
                if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
                    return json.readTree(trimmed);
                }
            }
            return json.valueToTree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }
}
