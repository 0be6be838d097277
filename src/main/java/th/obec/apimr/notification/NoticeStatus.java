package th.obec.apimr.notification;

/** Where a recorded notification stands (column {@code notification.status}). */
public enum NoticeStatus {
    /** Recorded, to be sent by email; not claimed by any run yet. */
    PENDING,
    /** Claimed by one run that is sending it now; another run may take it over once the claim is stale. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** The last try failed (see {@code last_error}); the next run of the calling job tries again. */
    FAILED,
    /** The recipient chose a daily digest: waits for the next digest. */
    QUEUED_FOR_DIGEST,
    /** Was listed in a daily digest that was sent (see {@code digest_id}). */
    DIGESTED,
    /** Waited for a digest, but the task was completed or cancelled before the digest went out. */
    TASK_CLOSED,
    /** No SMTP server is configured: recorded for administrators, not sent. */
    RECORDED_ONLY,
    /** The recipient's user profile has no email address. */
    SKIPPED_NO_EMAIL
}
