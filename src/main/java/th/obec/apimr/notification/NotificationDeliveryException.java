package th.obec.apimr.notification;

/**
 * Some notices could not be delivered (the SMTP server refused or did not answer, or another run is still
 * sending them). Thrown after every other recipient has been served, so that the calling job fails, the engine
 * retries it with back-off and, when the retries are used up, shows an incident in Cockpit.
 */
public class NotificationDeliveryException extends RuntimeException {

    NotificationDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
