package th.obec.apimr.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a user types into each task's form in a plausible FY2566 cycle, built from what the form showed
 * (the prefilled lists), as Tasklist would submit it.
 */
public final class CycleFormValues {

    private CycleFormValues() {
    }

    public static Map<String, Object> nationalAnalysis() {
        return Map.of("policySummary", "นโยบายเร่งด่วน 12 ด้าน",
                "guidanceToOffices", "เลือกตัวชี้วัดที่สอดคล้องกับบริบท");
    }

    /** The analysis form with the given indicator codes chosen (80% target each), the others left out. */
    public static Map<String, Object> analysis(JsonNode prefilledTargets, List<String> chosenCodes) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (JsonNode item : prefilledTargets) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("code", item.get("code").asText());
            target.put("title", item.get("title").asText());
            boolean chosen = chosenCodes.contains(item.get("code").asText());
            target.put("chosen", chosen);
            target.put("targetPercent", chosen ? 80 : null);
            targets.add(target);
        }
        return Map.of("participants", "ผอ.สพท. รอง ผอ. ศึกษานิเทศก์ ผู้บริหารสถานศึกษา",
                "policyLinkage", "เชื่อมโยงนโยบาย ศธ. สพฐ. และ QP กับบริบทของพื้นที่",
                "indicatorTargets", targets);
    }

    public static Map<String, Object> project(String name, Object budget, String indicators) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", name);
        project.put("strategy", "ความปลอดภัย");
        project.put("responsibleGroup", "กลุ่มนโยบายและแผน");
        project.put("budget", budget);
        project.put("startDate", "2022-11-01");
        project.put("endDate", "2023-09-30");
        project.put("indicators", indicators);
        project.put("targets", "โรงเรียนร้อยละ 80 บรรลุเป้าหมาย");
        return project;
    }

    public static Map<String, Object> plan(List<Map<String, Object>> projects) {
        return Map.of("planTitle", "แผนปฏิบัติการ 2566", "projects", projects);
    }

    public static Map<String, Object> implementation(JsonNode prefilledProgress, String questionOrNull) {
        List<Map<String, Object>> progress = new ArrayList<>();
        for (JsonNode item : prefilledProgress) {
            progress.add(Map.of("projectId", item.get("projectId").asLong(), "name", item.get("name").asText(),
                    "progressPercent", 40, "status", "ON_TRACK"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("projectProgress", progress);
        values.put("decisionsTaken", "ประชุมทีมขับเคลื่อน");
        values.put("decisionRequested", questionOrNull != null);
        if (questionOrNull != null) {
            values.put("decisionQuestion", questionOrNull);
        }
        return values;
    }

    public static List<Map<String, Object>> counts(JsonNode prefilledCounts, long base, long achieved) {
        List<Map<String, Object>> counts = new ArrayList<>();
        for (JsonNode measure : prefilledCounts) {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("measureCode", measure.get("measureCode").asText());
            count.put("label", measure.path("label").asText());
            count.put("achieved", achieved);
            count.put("base", base);
            counts.add(count);
        }
        return counts;
    }

    public static Map<String, Object> report(List<Map<String, Object>> counts) {
        return Map.of("counts", counts,
                "stepsTaken", "ประชุมชี้แจง นิเทศ ติดตาม",
                "practices", List.of(Map.of("name", "โรงเรียนต้นแบบ", "ownerName", "โรงเรียนบ้านดอย",
                        "description", "ระบบดูแลช่วยเหลือนักเรียน")),
                "problemsOffice", "งบประมาณจำกัด",
                "recommendationsObec", "จัดสรรงบประมาณให้เร็วขึ้น",
                "selfAssessedLevel", "4");
    }

    public static Map<String, Object> accept(String level) {
        return Map.of("reviewDecision", "ACCEPT", "qualityLevel", level);
    }

    public static Map<String, Object> officeReflection() {
        return Map.of("lessonsLearned", "ทำงานเป็นทีม", "successFactors", "ผู้บริหารให้ความสำคัญ",
                "obstacles", "ภาระงานเอกสาร", "recommendationsNextYear", "ลดความซ้ำซ้อนของการรายงาน");
    }

    public static Map<String, Object> roundCompilation() {
        return Map.of("roundSummary", "ทุกเขตรายงานครบ", "lessonsLearned", "ติดตามใกล้ชิด");
    }

    public static Map<String, Object> nationalReflection() {
        return Map.of("lessonsLearned", "การมีส่วนร่วมทุกระดับทำให้ขับเคลื่อนได้จริง",
                "policyRecommendations", "ลดภาระการรายงาน ใช้ข้อมูลซ้ำ");
    }
}
