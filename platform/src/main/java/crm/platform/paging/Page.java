package crm.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next page ({@code null} on the last one). */
public record Page<T>(List<T> items, String nextCursor) {

    /** Cuts the extra row fetched by {@link PageRequest#fetchSize()} and derives the next cursor. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> position) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(List.copyOf(items), position.apply(items.get(items.size() - 1)).encode());
    }
}
