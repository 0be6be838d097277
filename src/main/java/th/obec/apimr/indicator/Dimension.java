package th.obec.apimr.indicator;

/** The four dimensions OBEC groups its policies into (safety, opportunity, quality, efficiency). */
public enum Dimension {

    SAFETY("ด้านความปลอดภัย", "Safety"),
    OPPORTUNITY("ด้านโอกาส", "Opportunity"),
    QUALITY("ด้านคุณภาพ", "Quality"),
    EFFICIENCY("ด้านประสิทธิภาพ", "Efficiency");

    private final String labelTh;
    private final String labelEn;

    Dimension(String labelTh, String labelEn) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
    }

    public String labelTh() {
        return labelTh;
    }

    public String labelEn() {
        return labelEn;
    }
}
