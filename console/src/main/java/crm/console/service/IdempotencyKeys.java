package crm.console.service;

import java.util.UUID;

/**
 * Creating forms carry a fresh key in a hidden field, sent as {@code Idempotency-Key}: a double click or a
 * resent form creates one record, not two. Only keys of the console's own shape are passed on.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The form's key if it is one the console issued; otherwise a new one (the request is then not deduplicated). */
    public static String fromForm(String key) {
        if (key != null) {
            try {
                return UUID.fromString(key).toString();
            } catch (IllegalArgumentException ignored) {
                // not ours: a fresh one below
            }
        }
        return fresh();
    }
}
