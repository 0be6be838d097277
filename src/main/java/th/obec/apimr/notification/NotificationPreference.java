package th.obec.apimr.notification;

/**
 * How a user wants to be told about tasks: single emails or one daily digest, in Thai or English. Users who never
 * chose get {@link #DEFAULT}: single emails in Thai.
 */
public record NotificationPreference(boolean digest, Language language) {

    public static final NotificationPreference DEFAULT = new NotificationPreference(false, Language.TH);
}
