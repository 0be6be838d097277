package th.obec.apimr.identity;

/**
 * Published inside the synchronisation's transaction once the engine's groups match the reference data (at start-up
 * and after every office or region import): what depends on the groups (tenants, authorizations) follows them.
 */
public record GroupsSynchronised(GroupSyncSummary summary) {
}
