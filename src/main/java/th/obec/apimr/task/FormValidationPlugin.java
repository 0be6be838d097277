package th.obec.apimr.task;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a generic exception, which the REST API answers with 500.
 * This plugin puts an interceptor in front of every command that, once the command's transaction has rolled
 * back, rethrows a refused form submission as the {@link FormValidationException} it is: the engine REST API,
 * Tasklist and Java callers all see the form validation failure naming the field (400 on REST).
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new UnwrapFormValidation());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static class UnwrapFormValidation extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                FormValidationException refused = FormValidationException.findIn(e);
                throw refused != null ? refused : e;
            }
        }
    }
}
