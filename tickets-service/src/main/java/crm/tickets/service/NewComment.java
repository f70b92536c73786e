package crm.tickets.service;

import crm.tickets.domain.CommentVisibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reply to the customer ({@code public}, the default) or a note among staff ({@code internal}). */
public record NewComment(@NotBlank @Size(max = 20_000) String body, CommentVisibility visibility) {
}
