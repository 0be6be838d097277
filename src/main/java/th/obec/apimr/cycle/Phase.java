package th.obec.apimr.cycle;

/** Where an office's cycle stands: the APIMR steps, with the two monitoring rounds apart. */
public enum Phase {
    NOT_STARTED("ยังไม่เริ่ม"),
    ANALYSIS("A: ร่วมวิเคราะห์นโยบาย"),
    PLANNING("P: ร่วมวางแผน"),
    IMPLEMENTATION("I: ร่วมปฏิบัติและตัดสินใจ"),
    MONITORING_MID_YEAR("M: ติดตามรอบ 6 เดือน"),
    MONITORING_ANNUAL("M: ติดตามรอบ 12 เดือน"),
    REFLECTION("R: ร่วมสะท้อนผล"),
    COMPLETED("เสร็จสิ้น");

    private final String labelTh;

    Phase(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
