package crm.contacts.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The names of the components in which two values of one record type differ: the changed fields of an update. */
final class Changes {

    private Changes() {
    }

    static <R extends Record> List<String> between(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    changed.add(component.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot compare " + component.getName(), e);
            }
        }
        return changed;
    }
}
