package th.obec.apimr.notification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import th.obec.apimr.system.ThaiFormats;

/**
 * Writes the emails from the Thymeleaf templates in {@code templates/mail/<language>/}: {@code notice} (one task)
 * and {@code digest} (a user's daily list), each as {@code .html}, {@code .txt} and {@code -subject.txt}. HTML
 * templates escape every value ({@code th:text}); text templates are plain text. Thai mail shows dates in the
 * Buddhist era ({@code 28 เมษายน 2566}); English mail in the common era ({@code 28 April 2023}).
 */
@Component
class MailComposer {

    static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /**
     * One task as a notice or a digest line shows it. Public, as Spring caches a getter it finds on a public type
     * only: for a package-private one it searched the type's methods again on every expression.
     */
    public record TaskLine(String kind, String taskName, String office, String dueDate, Integer daysLeft,
                           Integer daysLate, boolean dueToday, String link) {
    }

    private final TemplateEngine html;
    private final TemplateEngine text;
    private final String baseUrl;
    /**
     * Thymeleaf wraps this in a context of each render's own, as it would wrap a new one; shared, its property
     * accessors find a getter once, not once per render.
     */
    private final StandardEvaluationContext expressions = new StandardEvaluationContext();

    MailComposer(@Value("${apimr.base-url:http://localhost:8080}") String baseUrl) {
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
        this.expressions.getPropertyAccessors(); // made now, not by two renders at once
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The task in Camunda Tasklist. */
    String taskLink(String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + UriUtils.encodeQueryParam(taskId,
                StandardCharsets.UTF_8);
    }

    String date(LocalDate date, Language language) {
        if (date == null) {
            return "-";
        }
        return language == Language.TH ? ThaiFormats.date(date) : ENGLISH_DATE.format(date);
    }

    TaskLine line(NoticeKind kind, TaskFacts.OpenTask task, Timing timing, Language language) {
        String office = task.officeName() != null ? task.officeName() : task.officeCode();
        if (office == null) {
            office = language == Language.TH ? "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สพฐ.)"
                    : "Office of the Basic Education Commission (OBEC)";
        }
        return new TaskLine(kind.name(), task.name(), office, date(task.dueDate(), language), timing.daysLeft(),
                timing.daysLate(), timing.dueToday(), taskLink(task.id()));
    }

    /** The single email about one task. */
    Mail notice(String to, String recipientName, TaskLine task, Language language) {
        Map<String, Object> model = Map.of("recipientName", recipientName, "task", task);
        return render(to, language, "notice", model);
    }

    /** The daily digest listing a user's tasks. */
    Mail digest(String to, String recipientName, LocalDate day, List<TaskLine> tasks, Language language) {
        Map<String, Object> model = Map.of("recipientName", recipientName, "day", date(day, language),
                "tasks", tasks, "count", tasks.size());
        return render(to, language, "digest", model);
    }

    private Mail render(String to, Language language, String template, Map<String, Object> model) {
        Context context = new Context(language == Language.TH ? ThaiFormats.THAI : Locale.ENGLISH, model);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, expressions);
        String folder = language.code() + "/";
        return new Mail(to,
                text.process(folder + template + "-subject", context).trim(),
                text.process(folder + template, context),
                html.process(folder + template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
