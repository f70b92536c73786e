package crm.e2e;

import crm.devstack.CrmService;
import crm.devstack.CrmSystem;
import crm.devstack.DevStack;
import crm.devstack.TestTenant;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;

/** The whole CRM of this test JVM: the devstack plus every service as a process, started once. */
final class Crm {

    private static CrmSystem system;

    private Crm() {
    }

    static synchronized CrmSystem system() {
        if (system == null) {
            DevStack stack = DevStack.shared();
            CrmSystem crm = CrmSystem.onFreePorts(stack, Path.of("..").toAbsolutePath().normalize());
            Runtime.getRuntime().addShutdownHook(new Thread(crm::stop, "crm-stop"));
            crm.start();
            system = crm;
        }
        return system;
    }

    static TestTenant newTenant() {
        system();
        return TestTenant.create(DevStack.shared());
    }

    /** A request to the gateway, the one door clients use. */
    static RequestSpecification gateway() {
        return RestAssured.given().baseUri(system().url(CrmService.GATEWAY));
    }

    static RequestSpecification gateway(String token) {
        return gateway().auth().oauth2(token);
    }
}
