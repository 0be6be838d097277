package th.obec.apimr.task;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Engine REST API: a refused form submission answers 400 with the field and the reason, as Camunda's own
 * validation errors do, instead of the 500 the engine's wrapping of task listener failures would give.
 * Any other engine exception is answered exactly as Camunda answers it.
 */
@Priority(1)
class FormValidationExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camundaHandler = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
        FormValidationException refused = FormValidationException.findIn(exception);
        if (refused == null) {
            return camundaHandler.toResponse(exception);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", FormValidationException.class.getSimpleName());
        body.put("message", refused.getMessage());
        body.put("field", refused.getField());
        body.put("code", refused.getCode());
        return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
