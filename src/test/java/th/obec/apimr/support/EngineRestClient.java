package th.obec.apimr.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the running application as one user would through Tasklist: HTTP Basic, the engine REST API for
 * tasks and forms (claim, form variables, submit-form with JSON lists as Tasklist sends them), and the
 * application's own API.
 */
public final class EngineRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;
    private final String userId;

    public EngineRestClient(int port, String userId, String password) {
        this.userId = userId;
        String token = Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    public String userId() {
        return userId;
    }

    /** An answer: status and body as JSON (null when empty). */
    public record Answer(int status, JsonNode body) {
        public Answer ok() {
            if (status >= 300) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    public Answer get(String path) {
        return exchange(http.get().uri(path).retrieve().toEntity(String.class));
    }

    public Answer post(String path, Object body) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body).retrieve().toEntity(String.class));
    }

    public Answer put(String path, Object body) {
        return exchange(http.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body == null ? Map.of() : body).retrieve().toEntity(String.class));
    }

    public Answer delete(String path) {
        return exchange(http.delete().uri(path).retrieve().toEntity(String.class));
    }

    /** Open tasks this user may work on (own or through a group), optionally of one task definition. */
    public List<JsonNode> myTasks(String taskDefinitionKey) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("candidateUser", userId);
        query.put("includeAssignedTasks", true);
        if (taskDefinitionKey != null) {
            query.put("taskDefinitionKey", taskDefinitionKey);
        }
        query.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
        JsonNode tasks = post("/engine-rest/task", query).ok().body();
        return toList(tasks);
    }

    public void claim(String taskId) {
        post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId)).ok();
    }

    /** The variables Tasklist loads into the task's form, values deserialised as Tasklist does for JSON. */
    public Map<String, JsonNode> formVariables(String taskId) {
        JsonNode variables = get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").ok().body();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        variables.fields().forEachRemaining(entry -> {
            JsonNode variable = entry.getValue();
            JsonNode value = variable.get("value");
            String type = variable.path("type").asText();
            String format = variable.path("valueInfo").path("serializationDataFormat").asText("");
            if (("Json".equals(type) || format.contains("application/json")) && value.isTextual()) {
                try {
                    value = JSON.readTree(value.asText());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            values.put(entry.getKey(), value);
        });
        return values;
    }

    /** Submits a task form as Tasklist does: lists and objects as JSON variables, the rest untyped. */
    public Answer submitForm(String taskId, Map<String, ?> values) {
        return post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", toVariables(values)));
    }

    /** Claims the task, then submits its form; fails the test if the engine refuses. */
    public void complete(JsonNode task, Map<String, ?> values) {
        String taskId = task.get("id").asText();
        claim(taskId);
        submitForm(taskId, values).ok();
    }

    public static Map<String, Object> toVariables(Map<String, ?> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof List || value instanceof Map) {
                try {
                    variables.put(name, Map.of("type", "Json", "value", JSON.writeValueAsString(value)));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(e);
                }
            } else {
                Map<String, Object> variable = new LinkedHashMap<>();
                variable.put("value", value);
                variables.put(name, variable);
            }
        });
        return variables;
    }

    public static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static Answer exchange(org.springframework.http.ResponseEntity<String> response) {
        String body = response.getBody();
        JsonNode json = null;
        if (body != null && !body.isBlank()) {
            try {
                json = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                json = JSON.getNodeFactory().textNode(body);
            }
        }
        return new Answer(response.getStatusCode().value(), json);
    }
}
