package crm.tickets.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class KnowledgeBaseTests {

    private static String article(String token, String title, String body, String category) {
        return Api.create(token, "/api/v1/articles", "{\"title\":\"" + title + "\",\"body\":\"" + body + "\","
                + "\"category\":\"" + category + "\",\"tags\":[\"Werkstatt\"]}");
    }

    @Test
    void shouldLetHeadquartersWriteAndEveryUnitRead() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");
        String hamburg = tenant.unitToken("hamburg", "agent", "manager", "admin");
        String id = article(hq, "Kette wechseln", "Alle 3000 km die Kette prüfen.", "Wartung");

        Api.get(hamburg, "/api/v1/articles/" + id).statusCode(200).header("ETag", "\"1\"")
                .body("category", equalTo("wartung")).body("tags", contains("werkstatt")).body("solvedCount", equalTo(0));
        Api.post(hamburg, "/api/v1/articles", "{\"title\":\"t\",\"body\":\"b\"}").statusCode(403);
        Api.put(hamburg, "/api/v1/articles/" + id, null, "{\"title\":\"t\",\"body\":\"b\"}").statusCode(403);
        Api.put(hq, "/api/v1/articles/" + id, "\"1\"", "{\"title\":\"Kette tauschen\",\"body\":\"Neu.\"}")
                .statusCode(200).header("ETag", "\"2\"").body("title", equalTo("Kette tauschen"));
        Api.put(hq, "/api/v1/articles/" + id, "\"1\"", "{\"title\":\"x\",\"body\":\"y\"}").statusCode(412);
        Api.post(hq, "/api/v1/articles", "{\"title\":\"\",\"body\":\"b\"}").statusCode(400)
                .body("errors[0].field", equalTo("title"));
        Api.get(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/articles/" + id).statusCode(404);
    }

    @Test
    void shouldFindArticlesByGermanWordFormsAndExactCodes() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");
        String battery = article(hq, "Akkus richtig laden", "Der Akku sollte bei Zimmertemperatur geladen werden.", "akku");
        String error = article(hq, "Display zeigt E42", "Fehlercode E42 bedeutet: Sensor prüfen.", "display");
        article(hq, "Sattel einstellen", "Die Sattelhöhe richtet sich nach der Schrittlänge.", "ergonomie");

        Api.get(hq, "/api/v1/articles?q=Akku laden").statusCode(200).body("items[0].id", equalTo(battery))
                .body("items[0].score", notNullValue());
        Api.get(hq, "/api/v1/articles?q=e42").statusCode(200).body("items.id", contains(error));
        Api.get(hq, "/api/v1/articles?q=Bremsbeläge").statusCode(200).body("items", hasSize(0));
        Api.get(hq, "/api/v1/articles?q=x").statusCode(400).body("errors[0].field", equalTo("q"));
        Api.get(hq, "/api/v1/articles?q=akku&sort=useful").statusCode(400).body("errors[0].field", equalTo("sort"));
        Api.get(hq, "/api/v1/articles?q=' OR 1=1; --").statusCode(200);
    }

    @Test
    void shouldSuggestArticlesForATicketAndRankTheUsefulOnes() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("agent");
        String hamburg = tenant.unitToken("hamburg", "agent");
        String battery = article(hq, "Akku lädt nicht", "Ladegerät und Ladebuchse prüfen, Akku zehn Minuten abnehmen.", "akku");
        String light = article(hq, "Licht flackert", "Kabel am Scheinwerfer prüfen.", "licht");
        String saddle = article(hq, "Sattel knarzt", "Sattelstütze fetten.", "komfort");
        String first = Api.openTicket(hamburg, "Akku wird nicht geladen", "\"description\":\"Das Ladegerät blinkt rot\"");
        String second = Api.openTicket(hamburg, "Licht geht aus", null);

        Api.get(hamburg, "/api/v1/tickets/" + first + "/suggested-articles").statusCode(200)
                .body("items[0].id", equalTo(battery)).body("items[0].score", notNullValue());
        Api.get(hamburg, "/api/v1/tickets/" + first + "/suggested-articles?limit=21").statusCode(400)
                .body("errors[0].field", equalTo("limit"));

        Api.post(hamburg, "/api/v1/tickets/" + first + "/solved-by", "{\"articleIds\":[\"" + battery + "\",\"" + light + "\"]}")
                .statusCode(200).body("items.id", containsInAnyOrder(battery, light));
        Api.post(hamburg, "/api/v1/tickets/" + first + "/solved-by", "{\"articleIds\":[\"" + battery + "\"]}")
                .statusCode(200).body("items", hasSize(2));
        Api.post(hamburg, "/api/v1/tickets/" + second + "/solved-by", "{\"articleIds\":[\"" + light + "\"]}")
                .statusCode(200);
        Api.post(hamburg, "/api/v1/tickets/" + second + "/solved-by", "{\"articleIds\":[\"" + UUID.randomUUID() + "\"]}")
                .statusCode(400).body("errors[0].field", equalTo("articleIds[0]"));
        Api.post(hamburg, "/api/v1/tickets/" + second + "/solved-by", "{\"articleIds\":[]}").statusCode(400);

        Api.get(hq, "/api/v1/articles?sort=useful").statusCode(200).body("items.id", contains(light, battery, saddle))
                .body("items.solvedCount", contains(2, 1, 0));
        String cursor = Api.get(hq, "/api/v1/articles?sort=useful&limit=1").statusCode(200).extract().path("nextCursor");
        Api.get(hq, "/api/v1/articles?sort=useful&limit=1&cursor=" + cursor).statusCode(200)
                .body("items.id", contains(battery));
        Api.get(hq, "/api/v1/articles?limit=1&cursor=" + cursor).statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
