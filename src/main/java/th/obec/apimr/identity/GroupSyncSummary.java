package th.obec.apimr.identity;

/** What a group synchronisation did: groups created, groups renamed, groups already right. */
public record GroupSyncSummary(int created, int updated, int unchanged) {
}
