package th.obec.apimr.office;

/**
 * Published inside the import's transaction after an office file was imported, including the import of the
 * shipped file at start-up. Listeners that fail roll the import back.
 */
public record OfficesImported(ImportSummary summary) {
}
