package th.obec.apimr.office;

/**
 * What an import did: rows created, rows updated (including reactivated), rows already equal to the file, and
 * rows that were active but are missing from the file (now inactive).
 */
public record ImportSummary(int created, int updated, int unchanged, int deactivated) {

    /** Created + updated + deactivated: 0 when the file matched the database already. */
    public int changes() {
        return created + updated + deactivated;
    }
}
