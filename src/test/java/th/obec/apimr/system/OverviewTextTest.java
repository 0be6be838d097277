package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OverviewTextTest {

    @Test
    void shortTextStaysWhole() {
        assertThat(OverviewText.fit("หัว", List.of("ก", "ข"), OverviewText.LINES, "ท้าย", n -> "อีก " + n))
                .isEqualTo("หัว\n\nก\nข\n\nท้าย");
        assertThat(OverviewText.clip("สั้น", 10)).isEqualTo("สั้น");
        assertThat(OverviewText.join(List.of("ก", " ", "ข"))).isEqualTo("ก\n\nข");
    }

    @Test
    void longListKeepsTheFirstItemsAndSaysHowManyAreLeftOut() {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            items.add(i + ". " + "โครงการ".repeat(10));
        }
        String text = OverviewText.fit("หัว", items, OverviewText.LINES, "ท้าย", n -> "… และอีก " + n + " รายการ");

        assertThat(text.length()).isLessThanOrEqualTo(OverviewText.MAX_LENGTH);
        assertThat(text).startsWith("หัว\n\n1. ").endsWith("ท้าย");
        int kept = (int) text.lines().filter(line -> line.matches("\\d+\\. .*")).count();
        assertThat(text).contains("… และอีก " + (200 - kept) + " รายการ");
        assertThat(kept).isGreaterThan(40);
    }

    @Test
    void clipEndsWithAnEllipsis() {
        String clipped = OverviewText.clip("ก".repeat(5000), OverviewText.MAX_LENGTH);
        assertThat(clipped).hasSize(OverviewText.MAX_LENGTH).endsWith("…");
    }
}
