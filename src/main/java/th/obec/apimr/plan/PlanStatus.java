package th.obec.apimr.plan;

/** Where an office's plan stands. */
public enum PlanStatus {
    SUBMITTED("รอการพิจารณา"),
    RETURNED("ส่งกลับแก้ไข"),
    APPROVED("อนุมัติแล้ว");

    private final String labelTh;

    PlanStatus(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
