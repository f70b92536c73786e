package crm.platform.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.platform.problem.ProblemException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396): a member with {@code null} removes the target's member, an object is
 * merged recursively, anything else replaces. Arrays are replaced as a whole.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {
    }

    /** Applies {@code patch} to a copy of {@code target}; the patch must be a JSON object. */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("body", "a merge patch must be a JSON object");
        }
        return (ObjectNode) merge(target.deepCopy(), patch);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
