package crm.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Puts a service under test on the real infrastructure of {@link DevStack#shared()}. The init argument
 * {@code database} names the service's own database; omit it for a service without one.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        return DevStack.shared().serviceConfig(database);
    }

    @Override
    public void stop() {
        // The stack outlives each Quarkus application of the test JVM; a shutdown hook stops it.
    }
}
