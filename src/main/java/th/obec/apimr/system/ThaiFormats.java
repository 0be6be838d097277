package th.obec.apimr.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How dates and amounts are written for Thai readers: dates in the Buddhist era ({@code 30 กันยายน 2566}),
 * money with thousands separators and two decimals ({@code 150,000.00 บาท}). Storage stays ISO / CE.
 */
public final class ThaiFormats {

    public static final Locale THAI = Locale.forLanguageTag("th-TH");

    /** Shown where a date or amount is not given. */
    public static final String NOT_GIVEN = "-";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private ThaiFormats() {
    }

    /** A date in the Buddhist era, e.g. {@code 1 ตุลาคม 2565} for 2022-10-01; {@code -} for null. */
    public static String date(LocalDate date) {
        return date == null ? NOT_GIVEN : DATE.format(date);
    }

    /** A period {@code 1 ตุลาคม 2565 – 30 กันยายน 2566}; an open end shows as {@code -}. */
    public static String period(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return NOT_GIVEN;
        }
        return date(start) + " – " + date(end);
    }

    /** An amount with thousands separators and two decimals, e.g. {@code 80,000.50}; {@code -} for null. */
    public static String amount(BigDecimal amount) {
        if (amount == null) {
            return NOT_GIVEN;
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** An amount of money: {@code 80,000.50 บาท}; {@code -} for null. */
    public static String baht(BigDecimal amount) {
        return amount == null ? NOT_GIVEN : amount(amount) + " บาท";
    }
}
