package th.obec.apimr.plan;

import java.util.ArrayList;
import java.util.List;

import th.obec.apimr.system.OverviewText;
import th.obec.apimr.system.ThaiFormats;

/**
 * A plan revision as the director reads it on Form_ReviewPlan: one block per project (name, strategy, group,
 * budget, period in Buddhist-era dates, indicators, targets). A plan too long for the form is shown one line per
 * project, and beyond that cut with a note of how many projects are left out.
 */
final class PlanOverview {

    private static final int SUMMARY_LENGTH = 600;
    private static final int TARGETS_LENGTH = 300;

    private PlanOverview() {
    }

    static String of(PlanRevision revision) {
        List<ProjectView> projects = revision.getProjects().stream().map(Project::toView).toList();
        String head = head(revision, projects.size());
        List<String> blocks = new ArrayList<>();
        for (ProjectView project : projects) {
            blocks.add(block(project));
        }
        String detailed = head + OverviewText.BLOCKS + String.join(OverviewText.BLOCKS, blocks);
        if (OverviewText.fits(detailed)) {
            return detailed;
        }
        List<String> lines = projects.stream().map(PlanOverview::line).toList();
        return OverviewText.fit(head, lines, OverviewText.LINES, null, PlanOverview::leftOut);
    }

    private static String head(PlanRevision revision, int projectCount) {
        StringBuilder head = new StringBuilder();
        head.append("แผน: ").append(revision.getTitle())
                .append(" (ฉบับที่ ").append(revision.getRevisionNo()).append(')');
        if (revision.getSummary() != null) {
            head.append("\nสรุปแผน: ").append(OverviewText.clip(revision.getSummary(), SUMMARY_LENGTH));
        }
        head.append("\nจำนวน ").append(projectCount).append(" โครงการ งบประมาณรวม ")
                .append(ThaiFormats.baht(revision.totalBudget()));
        return head.toString();
    }

    private static String block(ProjectView project) {
        StringBuilder block = new StringBuilder();
        block.append(project.sortOrder()).append(". ").append(project.name());
        if (project.strategy() != null) {
            block.append("\n   กลยุทธ์: ").append(project.strategy());
        }
        block.append("\n   กลุ่มที่รับผิดชอบ: ").append(orDash(project.responsibleGroup()));
        block.append("\n   งบประมาณ: ").append(ThaiFormats.baht(project.budget()));
        block.append("\n   ระยะเวลา: ").append(ThaiFormats.period(project.startDate(), project.endDate()));
        block.append("\n   ตัวชี้วัด: ").append(indicators(project));
        if (project.targets() != null) {
            block.append("\n   เป้าหมาย: ").append(OverviewText.clip(project.targets(), TARGETS_LENGTH));
        }
        return block.toString();
    }

    private static String line(ProjectView project) {
        return project.sortOrder() + ". " + project.name()
                + " | " + orDash(project.responsibleGroup())
                + " | " + ThaiFormats.baht(project.budget())
                + " | " + ThaiFormats.period(project.startDate(), project.endDate())
                + " | ตัวชี้วัด " + indicators(project);
    }

    private static String indicators(ProjectView project) {
        return project.indicatorCodes().isEmpty() ? ThaiFormats.NOT_GIVEN : String.join(", ", project.indicatorCodes());
    }

    private static String orDash(String text) {
        return text == null ? ThaiFormats.NOT_GIVEN : text;
    }

    private static String leftOut(int count) {
        return "… และอีก " + count + " โครงการ (รวมอยู่ในงบประมาณรวมแล้ว)";
    }
}
