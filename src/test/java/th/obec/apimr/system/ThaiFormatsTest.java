package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ThaiFormatsTest {

    @Test
    void datesAreWrittenInTheBuddhistEra() {
        assertThat(ThaiFormats.date(LocalDate.of(2023, 9, 30))).isEqualTo("30 กันยายน 2566");
        assertThat(ThaiFormats.date(LocalDate.of(2022, 10, 1))).isEqualTo("1 ตุลาคม 2565");
        assertThat(ThaiFormats.date(null)).isEqualTo("-");
        assertThat(ThaiFormats.period(LocalDate.of(2022, 11, 1), LocalDate.of(2023, 3, 31)))
                .isEqualTo("1 พฤศจิกายน 2565 – 31 มีนาคม 2566");
        assertThat(ThaiFormats.period(LocalDate.of(2022, 11, 1), null)).isEqualTo("1 พฤศจิกายน 2565 – -");
        assertThat(ThaiFormats.period(null, null)).isEqualTo("-");
    }

    @Test
    void amountsHaveThousandsSeparatorsAndTwoDecimals() {
        assertThat(ThaiFormats.amount(new BigDecimal("1234500"))).isEqualTo("1,234,500.00");
        assertThat(ThaiFormats.baht(new BigDecimal("80000.5"))).isEqualTo("80,000.50 บาท");
        assertThat(ThaiFormats.baht(new BigDecimal("999999999999.99"))).isEqualTo("999,999,999,999.99 บาท");
        assertThat(ThaiFormats.baht(BigDecimal.ZERO)).isEqualTo("0.00 บาท");
        assertThat(ThaiFormats.baht(null)).isEqualTo("-");
    }
}
