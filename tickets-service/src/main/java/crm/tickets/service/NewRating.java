package crm.tickets.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's satisfaction, 1 (poor) to 5 (excellent), and what they said. */
public record NewRating(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
}
