package th.obec.apimr.office;

/** Published inside the import's transaction after an inspection region file was imported. */
public record RegionsImported(ImportSummary summary) {
}
