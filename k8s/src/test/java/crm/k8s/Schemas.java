package crm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.ValidationReport;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validates a resource against its schema: built-in kinds against the Kubernetes OpenAPI schema that fabric8's
 * kubernetes-model-validator ships (unknown fields, types, required fields), custom resources against the
 * reduced operator CRDs in src/test/resources/crds. A kind with neither is an error.
 */
final class Schemas {

    /** The built-in kinds k8s/ may use: the validator skips kinds it does not know, so they are listed. */
    static final Set<String> BUILT_IN = Set.of("v1/ConfigMap", "v1/Secret", "v1/Service", "v1/Namespace",
            "apps/v1/Deployment", "autoscaling/v2/HorizontalPodAutoscaler", "policy/v1/PodDisruptionBudget",
            "networking.k8s.io/v1/NetworkPolicy", "networking.k8s.io/v1/Ingress");

    private static Validator kubernetes;
    private static StructuralSchema operators;

    private Schemas() {
    }

    static synchronized List<String> validate(JsonNode resource) {
        String gvk = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        if (operators == null) {
            operators = StructuralSchema.load(Repo.k8s().resolve("src/test/resources/crds"));
            kubernetes = Validator.newInstance();
        }
        if (operators.knows(resource.path("apiVersion").asText(), resource.path("kind").asText())) {
            return operators.validate(resource);
        }
        if (!BUILT_IN.contains(gvk)) {
            return List.of("no schema for " + gvk + " (add it to Schemas.BUILT_IN or src/test/resources/crds)");
        }
        ValidationReport report = kubernetes.validate(resource);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : report.getMessages()) {
            if (message.getLevel() == ValidationMessage.Level.ERROR && !numberWhereStringsAreAlsoAllowed(message)) {
                errors.add(message.getMessage());
            }
        }
        return errors;
    }

    /**
     * The OpenAPI document types IntOrString and Quantity as strings only, while the API server takes numbers
     * for both (a port 8080, a PDB's maxUnavailable 1).
     */
    private static boolean numberWhereStringsAreAlsoAllowed(ValidationMessage message) {
        return (message.getSchema().endsWith("IntOrString") || message.getSchema().endsWith("resource.Quantity"))
                && (message.getMessage().contains("Instance type (integer)")
                    || message.getMessage().contains("Instance type (number)"));
    }
}
