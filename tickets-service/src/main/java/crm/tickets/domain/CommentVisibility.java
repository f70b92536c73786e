package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A public reply reaches the customer; an internal note stays among staff. */
public enum CommentVisibility implements ApiValue {
    @JsonProperty("public") PUBLIC("public"),
    @JsonProperty("internal") INTERNAL("internal");

    private final String value;

    CommentVisibility(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static CommentVisibility of(String value) {
        return ApiValue.parse(CommentVisibility.class, value);
    }
}
