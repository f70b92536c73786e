package crm.contacts.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;

/** Puts a task off: to a new due time ({@code until}), or by some minutes from now. */
public record Snooze(OffsetDateTime until, @Min(1) @Max(525_600) Integer minutes) {
}
