package th.obec.apimr.implementation;

import java.util.Arrays;
import java.util.List;

/** How a project stands against its plan. */
enum ProgressStatus {
    NOT_STARTED("ยังไม่เริ่ม"),
    ON_TRACK("เป็นไปตามแผน"),
    DELAYED("ล่าช้ากว่าแผน"),
    COMPLETED("เสร็จสิ้น");

    private final String labelTh;

    ProgressStatus(String labelTh) {
        this.labelTh = labelTh;
    }

    String labelTh() {
        return labelTh;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
