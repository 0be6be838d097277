package th.obec.apimr.plan;

import java.time.LocalDate;

import th.obec.apimr.system.ThaiFormats;

/** A Thai government fiscal year, given in the Buddhist era: FY N runs 1 October (N-544) to 30 September (N-543). */
record FiscalYear(int yearBe) {

    LocalDate start() {
        return LocalDate.of(yearBe - 544, 10, 1);
    }

    LocalDate end() {
        return LocalDate.of(yearBe - 543, 9, 30);
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    String describeTh() {
        return "ปีงบประมาณ พ.ศ. " + yearBe + " (" + ThaiFormats.period(start(), end()) + ")";
    }

    String describeEn() {
        return "fiscal year " + yearBe + " (" + start() + " to " + end() + ")";
    }
}
