package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The templates' expressions are compiled after a hundred or so renders (Spring's SpEL compiler, in its mixed mode),
 * and the values they read are of public types, so that Spring looks their accessors up once instead of on every
 * read.
 */
class MailComposerTest {

    private final MailComposer composer = new MailComposer("https://apimr.example.org/");

    @Test
    void aNoticeSaysTheSameOnceItsExpressionsAreCompiled() {
        for (int i = 0; i < 300; i++) {
            String name = "Coordinator " + i;
            String taskId = "task-" + i;
            switch (i % 3) {
                case 0 -> {
                    MailComposer.TaskLine task = line(NoticeKind.REMINDER, 5, null, false, taskId);
                    Mail mail = composer.notice("c@example.org", name, task, Language.EN);
                    assertThat(mail.subject()).isEqualTo("[APIMR] Reminder: Submit the plan – Office 1 due 8 May 2023");
                    assertThat(mail.text()).startsWith("Dear " + name + ",")
                            .contains("Status: 5 working day(s) left\n")
                            .contains("Open the task in Tasklist: https://apimr.example.org/camunda/app/tasklist/"
                                    + "default/#/?task=task-" + i);
                    assertThat(mail.html()).contains(">5 working day(s) left</span>")
                            .contains("href=\"https://apimr.example.org/camunda/app/tasklist/default/#/?task=task-"
                                    + i + "\"");
                }
                case 1 -> {
                    MailComposer.TaskLine task = line(NoticeKind.ESCALATION, null, 3, false, taskId);
                    Mail mail = composer.notice("c@example.org", name, task, Language.EN);
                    assertThat(mail.subject()).isEqualTo("[APIMR] Overdue: Submit the plan – Office 1");
                    assertThat(mail.text()).contains("Status: 3 working day(s) overdue\n")
                            .doesNotContain("left").doesNotContain("no due date");
                }
                default -> {
                    MailComposer.TaskLine task = line(NoticeKind.DUE, 0, null, true, taskId);
                    Mail mail = composer.notice("c@example.org", name, task, Language.TH);
                    assertThat(mail.subject()).startsWith("[APIMR] ครบกำหนดวันนี้: Submit the plan");
                    assertThat(mail.text()).startsWith("เรียน " + name).contains("สถานะ: ครบกำหนดวันนี้\n")
                            .doesNotContain("เหลืออีก");
                }
            }
        }
    }

    @Test
    void aDigestListsEveryTaskOnceItsExpressionsAreCompiled() {
        for (int i = 0; i < 150; i++) {
            List<MailComposer.TaskLine> tasks = List.of(line(NoticeKind.REMINDER, 2, null, false, "a"),
                    line(NoticeKind.ESCALATION, null, i + 1, false, "b"));
            Mail mail = composer.digest("c@example.org", "Coordinator", LocalDate.of(2023, 5, 1), tasks,
                    Language.EN);
            assertThat(mail.text()).contains("2 working day(s) left").contains((i + 1) + " working day(s) overdue");
        }
    }

    @Test
    void whatTheTemplatesReadIsOfAPublicType() {
        // Spring caches the public accessor it finds for a non-public type's getter only when it finds one; for a
        // package-private record it found none and searched again on every expression, ten times the whole render.
        assertThat(Modifier.isPublic(MailComposer.TaskLine.class.getModifiers()))
                .as("MailComposer.TaskLine is public").isTrue();
    }

    private MailComposer.TaskLine line(NoticeKind kind, Integer daysLeft, Integer daysLate, boolean dueToday,
                                       String taskId) {
        return new MailComposer.TaskLine(kind.name(), "Submit the plan", "Office 1", "8 May 2023", daysLeft, daysLate,
                dueToday, composer.taskLink(taskId));
    }
}
