package crm.platform.inbox;

/** A message that is not a CloudEvent this system can process: retrying cannot help, it belongs in the DLQ. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
