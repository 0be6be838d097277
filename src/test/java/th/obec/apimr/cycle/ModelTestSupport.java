package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/**
 * What the fast model tests share: the engine extension with flow-node coverage, the deployment of the models with
 * the forms from the classpath ({@code processes/} and {@code forms/}, copied there by the build), and test doubles
 * for every bean the models name, registered by name with {@link Mocks}.
 */
public final class ModelTestSupport {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final int FISCAL_YEAR = 2566;
    static final long CYCLE_ID = 42L;

    static {
        quietLogging();
    }

    private ModelTestSupport() {
    }

    /** Without Spring nobody configures logging: keeps the engine quiet and the coverage figures. */
    static void quietLogging() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        logging.getLogger("org.camunda.community.process_test_coverage").setLevel(Level.INFO);
    }

    /** Runs an action while the engine does not log the failures it is expected to meet. */
    static void withoutFailureLogging(Runnable action) {
        ch.qos.logback.classic.Logger context =
                ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.camunda.bpm.engine.context");
        Level before = context.getLevel();
        context.setLevel(Level.OFF);
        try {
            action.run();
        } finally {
            context.setLevel(before);
        }
    }

    /**
     * The engine extension of a model test class: fails the class below 90 % flow-node coverage of its process (the
     * other processes it touches are excluded), logs the coverage and writes the report next to the build's other
     * output ({@code <build dir>/process-test-coverage/<test class>/report.html}).
     */
    static ProcessEngineCoverageExtension coverageExtension(String... excludedProcessKeys) {
        return ProcessEngineCoverageExtension.builder()
                .assertClassCoverageAtLeast(0.9)
                .excludeProcessDefinitionKeys(excludedProcessKeys)
                .reportDirectory(buildDirectory().resolve("process-test-coverage").toString())
                .build();
    }

    private static Path buildDirectory() {
        try {
            // <build dir>/test-classes
            Path testClasses = Path.of(ModelTestSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deploys the given models and every form of {@code forms/}, as the application does; returns the deployment id. */
    static String deploy(RepositoryService repositoryService, String... models) {
        DeploymentBuilder deployment = repositoryService.createDeployment().name("model-test");
        for (String model : models) {
            deployment.addClasspathResource(model);
        }
        for (String form : formResources()) {
            deployment.addClasspathResource(form);
        }
        return deployment.deploy().getId();
    }

    static List<String> formResources() {
        URL forms = ModelTestSupport.class.getClassLoader().getResource("forms");
        assertThat(forms).as("forms/ on the classpath").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(forms.toURI()))) {
            return files.map(path -> "forms/" + path.getFileName())
                    .filter(name -> name.endsWith(".form"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the Camunda Form that the task's {@code camunda:formRef} resolves to in its deployment. */
    static String deployedFormId(FormService formService, Task task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String deployedStartFormId(FormService formService, String processDefinitionId) {
        try (InputStream form = formService.getDeployedStartForm(processDefinitionId)) {
            JsonNode json = new ObjectMapper().readTree(form);
            return json.path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default due moment of a deadline of FY2566: its date at 16:30 in Bangkok. */
    /** A user task as the models promise it: candidate group, due date from the calendar, form, Thai description. */
    static void assertUserTask(FormService formService, Task task, String candidateGroup, Deadline deadline,
                               String formId) {
        BpmnAwareTests.assertThat(task).hasCandidateGroup(candidateGroup);
        assertThat(task.getDueDate().toInstant()).as(task.getTaskDefinitionKey() + " due")
                .isEqualTo(due(deadline).toInstant());
        assertThat(deployedFormId(formService, task)).as(task.getTaskDefinitionKey() + " form").isEqualTo(formId);
        assertThat(deadlineKeyProperty(task)).as(task.getTaskDefinitionKey() + " camunda:property deadlineKey")
                .isEqualTo(deadline.name());
        assertThat(task.getName()).isNotBlank();
        assertThat(task.getDescription()).as(task.getTaskDefinitionKey() + " description").contains("กำหนดเสร็จ");
    }

    /** The deadline the task's model names for the deadline listener ({@code camunda:property deadlineKey}). */
    static String deadlineKeyProperty(Task task) {
        org.camunda.bpm.model.bpmn.instance.UserTask element = BpmnAwareTests.repositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
        return element.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> "deadlineKey".equals(property.getCamundaName()))
                .map(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    static Date due(Deadline deadline) {
        return at(deadline.defaultFor(FISCAL_YEAR), 16, 30);
    }

    static Date at(LocalDate date, int hour, int minute) {
        return Date.from(ZonedDateTime.of(date.atTime(hour, minute), BANGKOK).toInstant());
    }

    // Test doubles -------------------------------------------------------------------------------------------------

    /** {@code ${taskForms}}: records the create and complete events per task definition key. */
    static final class TaskForms implements TaskListener {
        final Map<String, List<String>> events = new ConcurrentHashMap<>();

        @Override
        public void notify(DelegateTask task) {
            events.computeIfAbsent(task.getTaskDefinitionKey(), key -> new CopyOnWriteArrayList<>())
                    .add(task.getEventName());
        }
    }

    /** {@code ${cycleCalendar}}: the default calendar of the fiscal year, through the real {@link Deadline} keys. */
    public static final class DueDates {
        final List<String> keys = new CopyOnWriteArrayList<>();

        public Date dueDate(Object cycleId, String deadlineKey) {
            assertThat(cycleId).isEqualTo(CYCLE_ID);
            keys.add(deadlineKey);
            return due(Deadline.valueOf(deadlineKey));
        }

        /** An office's task: without extensions its date is the cycle's. */
        public Date dueDate(Object cycleId, String officeCode, String deadlineKey) {
            assertThat(officeCode).as("officeCode of a " + deadlineKey + " task").isNotBlank();
            return dueDate(cycleId, deadlineKey);
        }

        /** The national round timers: without extensions the latest office date is the cycle's. */
        public Date latestDueDate(Object cycleId, String deadlineKey) {
            return dueDate(cycleId, deadlineKey);
        }
    }

    /** {@code ${cycleOffices}}: the offices of the cycle and their business keys. */
    public static final class CycleOffices {
        volatile List<String> officeCodes = List.of("P5002");

        public List<String> officeCodes(Object cycleId) {
            assertThat(cycleId).isEqualTo(CYCLE_ID);
            return officeCodes;
        }

        public String businessKey(Object cycleId, String officeCode) {
            assertThat(cycleId).isEqualTo(CYCLE_ID);
            return "FY" + FISCAL_YEAR + "-" + officeCode;
        }
    }

    /** {@code ${officeCycles}}: records the phases each office cycle enters, in order. */
    public static final class OfficeCycles {
        final Map<Object, List<Phase>> phases = new ConcurrentHashMap<>();

        public void enterPhase(DelegateExecution execution, String phase) {
            Object officeCycleId = execution.getVariable("officeCycleId");
            assertThat(officeCycleId).as("officeCycleId when entering " + phase).isNotNull();
            phases.computeIfAbsent(officeCycleId, id -> new CopyOnWriteArrayList<>()).add(Phase.valueOf(phase));
        }
    }

    /** {@code ${reportPlan}}: the indicator codes an office reports on. */
    public static final class ReportPlan {
        volatile List<String> indicatorCodes = List.of("1");

        public List<String> indicatorCodes(Object officeCycleId) {
            assertThat(officeCycleId).isNotNull();
            return indicatorCodes;
        }
    }

    /** A {@link JavaDelegate} that records the variables it saw and may set some. */
    static final class Delegate implements JavaDelegate {
        final List<Map<String, Object>> calls = Collections.synchronizedList(new ArrayList<>());
        private final BiConsumer<DelegateExecution, Integer> action;

        Delegate() {
            this((execution, call) -> { });
        }

        Delegate(BiConsumer<DelegateExecution, Integer> action) {
            this.action = action;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Map<String, Object> seen = new LinkedHashMap<>(execution.getVariables());
            seen.put("activityId", execution.getCurrentActivityId());
            calls.add(seen);
            action.accept(execution, calls.size());
        }
    }

    /** Every bean the two processes name, registered with {@link Mocks} for one test. */
    static final class Beans {
        final TaskForms taskForms = new TaskForms();
        /** {@code ${taskDeadlines}}: the deadline listener, recording create, complete and delete per task. */
        final TaskForms taskDeadlines = new TaskForms();
        final DueDates cycleCalendar = new DueDates();
        final CycleOffices cycleOffices = new CycleOffices();
        final OfficeCycles officeCycles = new OfficeCycles();
        final ReportPlan reportPlan = new ReportPlan();
        final Delegate registerCycle = new Delegate((execution, call) -> {
            execution.setVariable("cycleId", CYCLE_ID);
            execution.setVariable("fiscalYear", FISCAL_YEAR);
        });
        final Delegate openOfficeCycle = new Delegate((execution, call) -> {
            String officeCode = (String) execution.getVariable("officeCode");
            execution.setVariable("officeCycleId", 100L + Long.parseLong(officeCode.substring(1)));
            execution.setVariable("officeName", "สพป. " + officeCode);
            execution.setVariable("coordinatorsGroup", "office-" + officeCode + "-coordinators");
            execution.setVariable("directorsGroup", "office-" + officeCode + "-directors");
            execution.setVariable("reviewersGroup", "region-15-reviewers");
        });
        final Delegate closeRound = new Delegate();
        final Delegate closeOfficeCycle = new Delegate();
        final Delegate closeCycle = new Delegate();

        Beans register() {
            Mocks.register("taskForms", taskForms);
            Mocks.register("taskDeadlines", taskDeadlines);
            Mocks.register("cycleCalendar", cycleCalendar);
            Mocks.register("cycleOffices", cycleOffices);
            Mocks.register("officeCycles", officeCycles);
            Mocks.register("reportPlan", reportPlan);
            Mocks.register("registerCycleDelegate", registerCycle);
            Mocks.register("openOfficeCycleDelegate", openOfficeCycle);
            Mocks.register("closeRoundDelegate", closeRound);
            Mocks.register("closeOfficeCycleDelegate", closeOfficeCycle);
            Mocks.register("closeCycleDelegate", closeCycle);
            return this;
        }
    }
}
