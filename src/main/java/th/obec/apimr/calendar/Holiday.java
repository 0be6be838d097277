package th.obec.apimr.calendar;

import java.time.LocalDate;

/** A day off listed in the holiday file, with its category ({@code public}, {@code government}, ...). */
public record Holiday(LocalDate date, String category, String nameTh, String nameEn) {
}
