package crm.devstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a process is ready; fails with that process's log when it never becomes so. */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, BooleanSupplier ready, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ready.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException ignored) {
                // not ready yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException(what + " was not ready within " + timeout + ":\n" + diagnostics.get());
    }
}
