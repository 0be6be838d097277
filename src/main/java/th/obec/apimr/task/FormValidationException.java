package th.obec.apimr.task;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submitted value was refused. Names the field (a path such as {@code projects[2].budget}) and says why,
 * in Thai with English after it. Thrown inside the engine's transaction, so nothing of the submission is saved
 * and the task stays open. It is the engine's own kind of form validation failure, which the engine REST API
 * (and so Tasklist) answers with 400 and the message.
 */
public class FormValidationException extends FormFieldValidationException {

    private final String field;

    public FormValidationException(String field, String reasonTh, String reasonEn) {
        super(field, field + ": " + reasonTh + " (" + reasonEn + ")");
        this.field = field;
    }

    public String getField() {
        return field;
    }

    /** The first {@link FormValidationException} in a cause chain, if any: the engine wraps listener failures. */
    public static FormValidationException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FormValidationException fve) {
                return fve;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
