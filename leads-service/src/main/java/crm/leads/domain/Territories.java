package crm.leads.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's sales territories: postal-code prefixes or ranges that belong to a unit (franchisee). A
 * territory's {@code id} is a key chosen by headquarters, e.g. {@code hamburg-city}.
 */
public record Territories(@Size(max = 1000) List<@Valid @NotNull Territory> territories) {

    public static final String KEY = "[a-z0-9][a-z0-9-]{0,63}";
    public static final String POSTAL_CODE_PART = "[A-Za-z0-9]{1,10}";

    public Territories {
        territories = territories == null ? List.of() : List.copyOf(territories);
    }

    public record Territory(@NotBlank @Pattern(regexp = KEY, message = "must be a key of lower-case letters, digits and -")
                            String id,
                            @NotBlank @Pattern(regexp = KEY, message = "must be a unit id") String unitId,
                            @Size(max = 500) List<@NotNull @Pattern(regexp = POSTAL_CODE_PART,
                                    message = "must be 1 to 10 letters or digits") String> postalCodePrefixes,
                            @Size(max = 200) List<@Valid @NotNull PostalCodeRange> ranges) {

        public Territory {
            postalCodePrefixes = postalCodePrefixes == null ? List.of() : List.copyOf(postalCodePrefixes);
            ranges = ranges == null ? List.of() : List.copyOf(ranges);
        }
    }

    /** An inclusive range of postal codes of one length, e.g. 20000 to 21149. */
    public record PostalCodeRange(@NotBlank @Pattern(regexp = POSTAL_CODE_PART, message = "must be 1 to 10 letters or digits") String from,
                                  @NotBlank @Pattern(regexp = POSTAL_CODE_PART, message = "must be 1 to 10 letters or digits") String to) {
    }

    public static Territories none() {
        return new Territories(List.of());
    }
}
