package th.obec.apimr.notification;

/** One email: the recipient, the subject, and the same content as plain text and as HTML. */
record Mail(String to, String subject, String text, String html) {
}
