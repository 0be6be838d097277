package th.obec.apimr.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Camunda Forms in {@code forms/} against the contract of docs/process-model.md (section "Forms"): field keys
 * are variable names that the BPMN models and the task form handlers use, so a key that drifts from the contract
 * fails here. Also holds the forms to what Tasklist 7.24 (form-js 1.8.7) renders and to the shared layout: Thai
 * header, read-only context in the group {@value #CONTEXT_GROUP}, then the inputs with Thai labels and help text.
 */
class FormDefinitionsTest {

    private static final Path FORMS = Path.of("forms");
    private static final Path PROCESSES = Path.of("processes");

    private static final String CONTEXT_GROUP = "ข้อมูลประกอบ";

    /** What form-js 1.8.7, the version Tasklist 7.24 bundles, renders (and nothing newer). */
    private static final Set<String> COMPONENT_TYPES = Set.of("textfield", "textarea", "number", "datetime",
            "select", "radio", "checkbox", "checklist", "taglist", "text", "group", "dynamiclist", "separator",
            "spacer");
    private static final Set<String> KEYED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "select",
            "radio", "checkbox", "checklist", "taglist");
    private static final Set<String> CONTAINER_TYPES = Set.of("group", "dynamiclist");

    private static final int TEXTAREA_MAX = FormInput.TEXTAREA;
    private static final int TEXTFIELD_MAX = FormInput.TEXTFIELD;
    private static final int GRID_COLUMNS = 16;

    private static final Pattern FORM_ID = Pattern.compile("Form_[A-Z][A-Za-z]+");
    private static final Pattern COMPONENT_ID = Pattern.compile("[A-Z][A-Za-z]*_[A-Za-z0-9_]+");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]*)\"([^>]*)");

    private static final String HIDE_WHEN_EMPTY = "=%1$s = null or %1$s = \"\"";

    private static final List<String> QUALITY_LEVELS = List.of("5", "4", "3", "2", "1");

    /** Fixed option values, the same wherever the key appears. */
    private static final Map<String, List<String>> OPTION_VALUES = Map.of(
            "selfAssessedLevel", QUALITY_LEVELS,
            "qualityLevel", QUALITY_LEVELS,
            "planDecision", List.of("APPROVE", "RETURN"),
            "reviewDecision", List.of("ACCEPT", "RETURN"),
            "status", List.of("NOT_STARTED", "ON_TRACK", "DELAYED", "COMPLETED"),
            "responsibleGroup", List.of(
                    "กลุ่มอำนวยการ",
                    "กลุ่มนโยบายและแผน",
                    "กลุ่มส่งเสริมการจัดการศึกษา",
                    "กลุ่มบริหารงานบุคคล",
                    "กลุ่มบริหารงานการเงินและสินทรัพย์",
                    "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
                    "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
                    "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
                    "กลุ่มกฎหมายและคดี",
                    "หน่วยตรวจสอบภายใน"));

    /** The items of one dynamic list: read-only keys, input keys, required inputs. */
    record ListSpec(boolean addRemove, Set<String> readonly, Set<String> inputs, Set<String> required) {
    }

    /**
     * One form of the contract: the read-only context (shown in {@value #CONTEXT_GROUP}), the inputs, the required
     * inputs, the dynamic lists by path, and the hide conditions of fields that are shown or required only at times.
     */
    record FormSpec(Set<String> readonly, Set<String> inputs, Set<String> required, Map<String, ListSpec> lists,
                    Map<String, String> hidden) {

        Set<String> keys() {
            Set<String> keys = new TreeSet<>(readonly);
            keys.addAll(inputs);
            return keys;
        }
    }

    /** docs/process-model.md, section "Forms". */
    private static final Map<String, FormSpec> CONTRACT = contract();

    private static Map<String, FormSpec> contract() {
        Map<String, FormSpec> forms = new LinkedHashMap<>();
        forms.put("Form_LaunchCycle", new FormSpec(
                Set.of(),
                Set.of("fiscalYear", "catalogueYear", "officeCodes", "nationalAnalysisDue", "analysisDue", "planDue",
                        "planApprovalDue", "implementationDue", "midYearReportDue", "midYearReviewDue",
                        "midYearCompileDue", "annualReportDue", "annualReviewDue", "annualCompileDue",
                        "reflectionDue", "nationalReflectionDue"),
                Set.of("fiscalYear"),
                Map.of(), Map.of()));
        forms.put("Form_AnalyseNationalPolicy", new FormSpec(
                Set.of("fiscalYear", "catalogueOverview"),
                Set.of("policySummary", "focusPoints", "guidanceToOffices"),
                Set.of("policySummary", "guidanceToOffices"),
                Map.of(), Map.of()));
        forms.put("Form_AnalysePolicy", new FormSpec(
                Set.of("officeName", "fiscalYear", "nationalGuidance"),
                Set.of("participants", "policyLinkage", "contextSummary"),
                Set.of("participants", "policyLinkage"),
                Map.of("indicatorTargets", new ListSpec(false, Set.of("code", "title"),
                        Set.of("chosen", "targetPercent", "targetNote"), Set.of())),
                Map.of("targetPercent", "=this.chosen != true", "targetNote", "=this.chosen != true")));
        forms.put("Form_PlanProjects", new FormSpec(
                Set.of("officeName", "returnComments"),
                Set.of("planTitle", "planSummary"),
                Set.of("planTitle"),
                Map.of("projects", new ListSpec(true, Set.of(),
                        Set.of("name", "strategy", "responsibleGroup", "budget", "startDate", "endDate", "indicators",
                                "targets"),
                        Set.of("name", "budget"))),
                Map.of("returnComments", HIDE_WHEN_EMPTY.formatted("returnComments"))));
        forms.put("Form_ReviewPlan", new FormSpec(
                Set.of("officeName", "planTitle", "planOverview", "totalBudget"),
                Set.of("planDecision", "reviewComments"),
                Set.of("planDecision"),
                Map.of(), Map.of()));
        forms.put("Form_RecordImplementation", new FormSpec(
                Set.of("officeName", "directorDecision"),
                Set.of("decisionsTaken", "decisionRequested", "decisionQuestion"),
                Set.of("decisionsTaken", "decisionQuestion"),
                Map.of("projectProgress", new ListSpec(false, Set.of("projectId", "name"),
                        Set.of("progressPercent", "status", "note"), Set.of("progressPercent", "status"))),
                Map.of("directorDecision", HIDE_WHEN_EMPTY.formatted("directorDecision"),
                        "decisionQuestion", "=decisionRequested != true")));
        forms.put("Form_DecideOnImplementation", new FormSpec(
                Set.of("officeName", "decisionQuestion", "progressOverview"),
                Set.of("directorDecision"),
                Set.of("directorDecision"),
                Map.of(), Map.of()));
        forms.put("Form_SubmitIndicatorReport", new FormSpec(
                Set.of("officeName", "roundLabel", "indicatorCode", "indicatorTitle", "returnComments"),
                Set.of("stepsTaken", "problemsObec", "problemsOffice", "recommendationsObec", "recommendationsOffice",
                        "selfAssessedLevel"),
                Set.of("stepsTaken", "selfAssessedLevel"),
                Map.of("counts", new ListSpec(false, Set.of("measureCode", "label"), Set.of("achieved", "base"),
                                Set.of()),
                        "practices", new ListSpec(true, Set.of(), Set.of("name", "ownerName", "description"),
                                Set.of())),
                Map.of("returnComments", HIDE_WHEN_EMPTY.formatted("returnComments"))));
        forms.put("Form_ReviewIndicatorReport", new FormSpec(
                Set.of("officeName", "roundLabel", "indicatorTitle", "reportOverview", "selfAssessedLevel",
                        "suggestedLevelLabel"),
                Set.of("reviewDecision", "qualityLevel", "reviewComments"),
                Set.of("reviewDecision", "qualityLevel"),
                Map.of(), Map.of("qualityLevel", "=reviewDecision = \"RETURN\"")));
        forms.put("Form_CompileRoundResults", new FormSpec(
                Set.of("roundLabel", "roundOverview"),
                Set.of("roundSummary", "lessonsLearned", "recommendations"),
                Set.of("roundSummary", "lessonsLearned"),
                Map.of(), Map.of()));
        forms.put("Form_ReflectOnCycle", new FormSpec(
                Set.of("officeName", "cycleOverview"),
                Set.of("lessonsLearned", "successFactors", "obstacles", "practicesToShare", "recommendationsNextYear"),
                Set.of("lessonsLearned", "successFactors", "obstacles", "recommendationsNextYear"),
                Map.of(), Map.of()));
        forms.put("Form_ReflectNationally", new FormSpec(
                Set.of("cycleOverview"),
                Set.of("lessonsLearned", "policyRecommendations", "practicesToShare"),
                Set.of("lessonsLearned", "policyRecommendations"),
                Map.of(), Map.of()));
        return forms;
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static Stream<String> formFiles() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".form")).sorted().toList()
                    .stream();
        }
    }

    @Test
    void everyFormOfTheContractExistsOnceAndNoOther() throws IOException {
        Map<String, String> filesById = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String file : formFiles().toList()) {
            String id = read(file).path("id").asText();
            String previous = filesById.put(id, file);
            if (previous != null) {
                duplicates.add(id + " in " + previous + " and " + file);
            }
        }
        assertThat(duplicates).as("form ids used twice").isEmpty();
        assertThat(filesById.keySet()).as("form ids in forms/ against the contract")
                .containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    }

    @Test
    void everyFormReferenceOfTheModelsNamesAFormWithDeploymentBinding() throws IOException {
        if (!Files.isDirectory(PROCESSES)) {
            return;
        }
        Set<String> ids = new HashSet<>();
        for (String file : formFiles().toList()) {
            ids.add(read(file).path("id").asText());
        }
        SoftAssertions softly = new SoftAssertions();
        try (Stream<Path> models = Files.list(PROCESSES)) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                Matcher ref = FORM_REF.matcher(Files.readString(model, StandardCharsets.UTF_8));
                while (ref.find()) {
                    softly.assertThat(ids).as("%s: formRef %s", model.getFileName(), ref.group(1))
                            .contains(ref.group(1));
                    softly.assertThat(ref.group(2)).as("%s: binding of formRef %s", model.getFileName(), ref.group(1))
                            .contains("camunda:formRefBinding=\"deployment\"");
                }
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void formFollowsTheContractAndTheConventions(String file) throws IOException {
        JsonNode form = read(file);
        String id = form.path("id").asText();
        SoftAssertions softly = new SoftAssertions();

        softly.assertThat(id).as("%s: id", file).matches(FORM_ID);
        softly.assertThat(file).as("%s: file name", file).isEqualTo(kebab(id) + ".form");
        softly.assertThat(form.path("type").asText()).as("%s: type", file).isEqualTo("default");
        softly.assertThat(form.path("schemaVersion").asInt()).as("%s: schemaVersion (form-js 1.8)", file).isEqualTo(16);
        softly.assertThat(form.path("executionPlatform").asText()).as("%s: executionPlatform", file)
                .isEqualTo("Camunda Platform");
        softly.assertThat(form.path("executionPlatformVersion").asText()).as("%s: executionPlatformVersion", file)
                .isEqualTo("7.24.0");
        softly.assertThat(form.path("exporter").path("name").asText()).as("%s: exporter", file).isEqualTo("Camunda Modeler");

        FormSpec spec = CONTRACT.get(id);
        assertThat(spec).as("%s is no form of the contract", id).isNotNull();

        Scan scan = new Scan(softly, id);
        scan.container(form, "", false);
        softly.assertThat(scan.duplicateIds).as("%s: component ids used twice", id).isEmpty();

        checkKeys(softly, id, spec, scan);
        checkLayout(softly, id, spec, form.path("components"));
        checkHidden(softly, id, spec, scan);
        softly.assertAll();
    }

    private static void checkKeys(SoftAssertions softly, String id, FormSpec spec, Scan scan) {
        Map<String, JsonNode> top = scan.fields.getOrDefault("", Map.of());
        softly.assertThat(top.keySet()).as("%s: field keys against the contract", id)
                .containsExactlyInAnyOrderElementsOf(spec.keys());
        softly.assertThat(keysWhere(top, FormDefinitionsTest::isReadonly)).as("%s: read-only keys", id)
                .containsExactlyInAnyOrderElementsOf(spec.readonly());
        softly.assertThat(keysWhere(top, FormDefinitionsTest::isRequired)).as("%s: required keys", id)
                .containsExactlyInAnyOrderElementsOf(spec.required());

        softly.assertThat(scan.lists.keySet()).as("%s: dynamic lists", id)
                .containsExactlyInAnyOrderElementsOf(spec.lists().keySet());
        spec.lists().forEach((path, list) -> {
            JsonNode node = scan.lists.get(path);
            if (node == null) {
                return;
            }
            softly.assertThat(node.path("allowAddRemove").asBoolean(false)).as("%s: %s allowAddRemove", id, path)
                    .isEqualTo(list.addRemove());
            Map<String, JsonNode> items = scan.fields.getOrDefault(path, Map.of());
            Set<String> expected = new TreeSet<>(list.readonly());
            expected.addAll(list.inputs());
            softly.assertThat(items.keySet()).as("%s: item keys of %s", id, path)
                    .containsExactlyInAnyOrderElementsOf(expected);
            softly.assertThat(keysWhere(items, FormDefinitionsTest::isReadonly)).as("%s: read-only keys of %s", id, path)
                    .containsExactlyInAnyOrderElementsOf(list.readonly());
            softly.assertThat(keysWhere(items, FormDefinitionsTest::isRequired)).as("%s: required keys of %s", id, path)
                    .containsExactlyInAnyOrderElementsOf(list.required());
            items.values().stream().filter(FormDefinitionsTest::isReadonly).forEach(field ->
                    softly.assertThat(field.path("type").asText()).as("%s: %s.%s is a read-only textfield", id, path,
                            field.path("key").asText()).isEqualTo("textfield"));
        });
    }

    /** Header first, then the read-only context in its group, then the inputs. */
    private static void checkLayout(SoftAssertions softly, String id, FormSpec spec, JsonNode components) {
        JsonNode header = components.path(0);
        softly.assertThat(header.path("type").asText()).as("%s: first component is the header text", id)
                .isEqualTo("text");
        softly.assertThat(header.path("id").asText()).as("%s: header id", id).isEqualTo("Text_Header");
        softly.assertThat(header.path("text").asText()).as("%s: header", id).startsWith("### ").containsPattern(THAI);

        int contextGroups = 0;
        for (JsonNode component : components) {
            if (CONTEXT_GROUP.equals(component.path("label").asText())) {
                contextGroups++;
            }
        }
        if (spec.readonly().isEmpty()) {
            softly.assertThat(contextGroups).as("%s: no context group without read-only fields", id).isZero();
            return;
        }
        softly.assertThat(contextGroups).as("%s: one context group", id).isEqualTo(1);
        JsonNode group = components.path(1);
        softly.assertThat(group.path("type").asText()).as("%s: the context group follows the header", id)
                .isEqualTo("group");
        softly.assertThat(group.path("id").asText()).as("%s: context group id", id).isEqualTo("Group_Context");
        softly.assertThat(group.path("label").asText()).as("%s: context group label", id).isEqualTo(CONTEXT_GROUP);
        softly.assertThat(group.has("path")).as("%s: the context group binds no path", id).isFalse();
        Set<String> inGroup = new LinkedHashSet<>();
        for (JsonNode field : group.path("components")) {
            if (KEYED_TYPES.contains(field.path("type").asText())) {
                inGroup.add(field.path("key").asText());
                softly.assertThat(isReadonly(field)).as("%s: context field %s is read-only", id,
                        field.path("key").asText()).isTrue();
            }
        }
        softly.assertThat(inGroup).as("%s: the context group holds the read-only fields", id)
                .containsExactlyInAnyOrderElementsOf(spec.readonly());
    }

    private static void checkHidden(SoftAssertions softly, String id, FormSpec spec, Scan scan) {
        Map<String, String> hidden = new TreeMap<>();
        scan.fields.values().forEach(fields -> fields.forEach((key, field) -> {
            String hide = field.path("conditional").path("hide").asText(null);
            if (hide != null) {
                hidden.put(key, hide);
            }
        }));
        softly.assertThat(hidden).as("%s: hide conditions of fields", id).isEqualTo(new TreeMap<>(spec.hidden()));
    }

    /** Walks the components, checking each and collecting keyed fields by scope ("" or a list's path). */
    private static final class Scan {
        final SoftAssertions softly;
        final String form;
        final Set<String> ids = new HashSet<>();
        final List<String> duplicateIds = new ArrayList<>();
        final Map<String, Map<String, JsonNode>> fields = new LinkedHashMap<>();
        final Map<String, JsonNode> lists = new LinkedHashMap<>();

        Scan(SoftAssertions softly, String form) {
            this.softly = softly;
            this.form = form;
        }

        void container(JsonNode container, String scope, boolean inList) {
            JsonNode components = container.path("components");
            softly.assertThat(components.isArray() && !components.isEmpty())
                    .as("%s: %s has components", form, container.path("id").asText("the form")).isTrue();
            Map<String, Integer> columnsByRow = new LinkedHashMap<>();
            for (JsonNode component : components) {
                component(component, scope, inList);
                JsonNode layout = component.path("layout");
                String where = form + ": " + component.path("id").asText();
                softly.assertThat(layout.path("row").asText("")).as("%s layout row", where).startsWith("Row_");
                JsonNode columns = layout.path("columns");
                if (!columns.isNull() && !columns.isMissingNode()) {
                    softly.assertThat(columns.isInt() && columns.asInt() >= 2 && columns.asInt() <= GRID_COLUMNS)
                            .as("%s layout columns %s", where, columns).isTrue();
                    columnsByRow.merge(layout.path("row").asText(), columns.asInt(), Integer::sum);
                }
            }
            columnsByRow.forEach((row, sum) -> softly.assertThat(sum)
                    .as("%s: columns of %s in %s", form, row, container.path("id").asText("the form"))
                    .isLessThanOrEqualTo(GRID_COLUMNS));
        }

        void component(JsonNode component, String scope, boolean inList) {
            String type = component.path("type").asText();
            String id = component.path("id").asText();
            String where = form + ": " + id;
            softly.assertThat(COMPONENT_TYPES).as("%s type (form-js 1.8.7 in Tasklist 7.24)", where).contains(type);
            softly.assertThat(id).as("%s id", where).matches(COMPONENT_ID);
            if (!ids.add(id)) {
                duplicateIds.add(id);
            }
            JsonNode hide = component.path("conditional").path("hide");
            if (!hide.isMissingNode()) {
                softly.assertThat(hide.asText()).as("%s hide condition is FEEL", where).startsWith("=");
            }
            if (KEYED_TYPES.contains(type)) {
                field(component, scope, where);
            } else if ("dynamiclist".equals(type)) {
                list(component, scope, inList, where);
            } else if ("group".equals(type)) {
                softly.assertThat(component.path("label").asText()).as("%s label", where).containsPattern(THAI);
                softly.assertThat(component.has("path")).as("%s: groups bind no path", where).isFalse();
                container(component, scope, inList);
            } else if ("text".equals(type)) {
                softly.assertThat(component.path("text").asText()).as("%s text", where).containsPattern(THAI);
            }
            softly.assertThat(CONTAINER_TYPES.contains(type) || !component.has("components"))
                    .as("%s: only groups and lists hold components", where).isTrue();
        }

        void list(JsonNode list, String scope, boolean inList, String where) {
            String path = list.path("path").asText("");
            softly.assertThat(inList).as("%s: no list inside a list", where).isFalse();
            softly.assertThat(path).as("%s path", where).matches(KEY);
            softly.assertThat(list.path("id").asText()).as("%s id", where).isEqualTo("Field_" + path);
            softly.assertThat(list.path("label").asText()).as("%s label", where).containsPattern(THAI);
            softly.assertThat(list.path("isRepeating").asBoolean(false)).as("%s isRepeating", where).isTrue();
            softly.assertThat(list.path("allowAddRemove").isBoolean()).as("%s allowAddRemove", where).isTrue();
            softly.assertThat(list.path("defaultRepetitions").asInt(0)).as("%s defaultRepetitions", where)
                    .isBetween(1, 20);
            // form-js 1.8.7 submits only the rendered items of a collapsed list (bpmn-io/form-js#1230)
            softly.assertThat(list.path("disableCollapse").asBoolean(false)).as("%s disableCollapse", where).isTrue();
            claim(scope, path, list, where);
            if (lists.put(path, list) != null) {
                softly.fail("%s: list path %s used twice", where, path);
            }
            container(list, path, true);
        }

        void field(JsonNode field, String scope, String where) {
            String type = field.path("type").asText();
            String key = field.path("key").asText("");
            softly.assertThat(key).as("%s key", where).matches(KEY);
            softly.assertThat(field.path("id").asText())
                    .as("%s id", where).isEqualTo(scope.isEmpty() ? "Field_" + key : "Field_" + scope + "_" + key);
            claim(scope, key, field, where);

            String label = "datetime".equals(type) ? field.path("dateLabel").asText("") : field.path("label").asText("");
            softly.assertThat(label).as("%s label in Thai", where).containsPattern(THAI);
            softly.assertThat(field.path("description").asText("")).as("%s description in English", where)
                    .containsPattern(ENGLISH);
            if (!isReadonly(field)) {
                softly.assertThat(field.path("description").asText("")).as("%s help text in Thai", where)
                        .containsPattern(THAI);
            }

            JsonNode readonly = field.path("readonly");
            if (!readonly.isMissingNode()) {
                softly.assertThat(readonly.isBoolean() && readonly.asBoolean()).as("%s readonly", where).isTrue();
            }
            JsonNode validate = field.path("validate");
            if (isReadonly(field)) {
                softly.assertThat(validate.isMissingNode()).as("%s: read-only fields validate nothing", where)
                        .isTrue();
                return;
            }
            switch (type) {
                case "textarea" -> softly.assertThat(validate.path("maxLength").asInt(0))
                        .as("%s maxLength", where).isBetween(1, TEXTAREA_MAX);
                case "textfield" -> softly.assertThat(validate.path("maxLength").asInt(0))
                        .as("%s maxLength", where).isBetween(1, TEXTFIELD_MAX);
                case "number" -> number(field, key, validate, where);
                case "datetime" -> softly.assertThat(field.path("subtype").asText()).as("%s subtype", where)
                        .isEqualTo("date");
                case "select", "radio", "checklist", "taglist" -> options(field, key, where);
                default -> { }
            }
        }

        void number(JsonNode field, String key, JsonNode validate, String where) {
            JsonNode min = validate.path("min");
            JsonNode max = validate.path("max");
            softly.assertThat(field.path("decimalDigits").isInt()).as("%s decimalDigits", where).isTrue();
            softly.assertThat(min.isNumber() || min.asText().startsWith("=")).as("%s has a minimum", where).isTrue();
            if (min.isNumber()) {
                softly.assertThat(min.asDouble()).as("%s minimum", where).isGreaterThanOrEqualTo(0);
            }
            if (key.endsWith("Percent")) {
                softly.assertThat(max.isNumber() || max.asText().startsWith("=")).as("%s has a maximum", where)
                        .isTrue();
                if (max.isNumber()) {
                    softly.assertThat(max.asDouble()).as("%s maximum", where).isLessThanOrEqualTo(100);
                }
            }
        }

        void options(JsonNode field, String key, String where) {
            JsonNode values = field.path("values");
            softly.assertThat(values.isArray() && !values.isEmpty()).as("%s static values", where).isTrue();
            List<String> seen = new ArrayList<>();
            for (JsonNode option : values) {
                softly.assertThat(option.path("value").isTextual()).as("%s option values are text", where).isTrue();
                softly.assertThat(option.path("label").asText()).as("%s option label", where).containsPattern(THAI);
                seen.add(option.path("value").asText());
            }
            softly.assertThat(seen).as("%s option values", where).doesNotHaveDuplicates();
            List<String> expected = OPTION_VALUES.get(key);
            if (expected != null) {
                softly.assertThat(seen).as("%s option values", where).containsExactlyElementsOf(expected);
            }
            if (QUALITY_LEVELS.equals(expected)) {
                for (JsonNode option : values) {
                    softly.assertThat(option.path("label").asText()).as("%s label of level", where)
                            .startsWith(option.path("value").asText() + " ");
                }
            }
        }

        void claim(String scope, String key, JsonNode node, String where) {
            JsonNode previous = fields.computeIfAbsent(scope, s -> new LinkedHashMap<>()).get(key);
            if (previous != null || (scope.isEmpty() && lists.containsKey(key))) {
                softly.fail("%s: key %s used twice in %s", where, key, scope.isEmpty() ? "the form" : scope);
            }
            if (KEYED_TYPES.contains(node.path("type").asText())) {
                fields.get(scope).put(key, node);
            }
        }
    }

    private static Set<String> keysWhere(Map<String, JsonNode> fields, Predicate<JsonNode> test) {
        Set<String> keys = new TreeSet<>();
        fields.forEach((key, field) -> {
            if (test.test(field)) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static boolean isReadonly(JsonNode field) {
        return field.path("readonly").asBoolean(false);
    }

    private static boolean isRequired(JsonNode field) {
        return field.path("validate").path("required").asBoolean(false);
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(FORMS.resolve(file), StandardCharsets.UTF_8));
    }

    /** {@code Form_PlanProjects} → {@code plan-projects}. */
    private static String kebab(String formId) {
        return formId.replaceFirst("^Form_", "").replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-").toLowerCase();
    }
}
