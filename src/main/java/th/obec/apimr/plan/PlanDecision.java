package th.obec.apimr.plan;

import java.util.Arrays;
import java.util.List;

/** The director's decision on a submitted plan; the value of the process variable {@code planDecision}. */
enum PlanDecision {
    APPROVE,
    RETURN;

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
