package crm.tickets.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumeration with one lower-case name used alike in the API, the database and events. */
public interface ApiValue {

    String value();

    /** The constant whose value is {@code value}; {@link IllegalArgumentException} listing the allowed ones. */
    static <E extends Enum<E> & ApiValue> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed(type)));
    }

    static <E extends Enum<E> & ApiValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ApiValue::value).collect(Collectors.joining(", "));
    }
}
