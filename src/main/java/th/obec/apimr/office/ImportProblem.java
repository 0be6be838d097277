package th.obec.apimr.office;

/**
 * Why an import file was refused: the first problem found, where it is and what is wrong.
 *
 * @param field   the CSV column concerned (its header name), null when the problem is not about one column
 * @param line    the line of the file, 1 being the header
 * @param column  the 1-based column position in that line, null when the column is missing altogether
 * @param message Thai first, English in parentheses
 */
public record ImportProblem(String field, int line, Integer column, String message) {
}
