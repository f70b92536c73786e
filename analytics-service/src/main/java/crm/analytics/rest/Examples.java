package crm.analytics.rest;

/** Example values shared by the OpenAPI descriptions of the reports. */
final class Examples {

    static final String PROBLEM_400 = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
            + " \"detail\": \"limit: must be a whole number between 1 and 200\","
            + " \"errors\": [{\"field\": \"limit\", \"message\": \"must be a whole number between 1 and 200\"}]}";
    static final String PROBLEM_404 = "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404,"
            + " \"detail\": \"Customer 2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11 was not found\"}";
    static final String CONTACT_ID = "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11";

    private Examples() {
    }
}
