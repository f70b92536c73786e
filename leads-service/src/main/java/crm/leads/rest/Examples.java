package crm.leads.rest;

/** Example bodies shared by the OpenAPI annotations of the lead operations. */
final class Examples {

    static final String NEW_LEAD = """
            {"salutation": "Frau", "firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com",
             "phone": "0170 1234567", "companyName": "Velo Logistik GmbH", "companySize": "50-249",
             "postalCode": "20095", "city": "Hamburg", "countryCode": "DE", "channel": "trade_fair",
             "sourceDetails": "Velo Messe Hamburg 2026, stand B12", "productsOfInterest": ["EB-CARGO-500"],
             "consent": {"given": true, "wording": "Ich bin einverstanden, dass Veloce mich kontaktiert.",
                         "wordingVersion": "2026-01"}}""";
    static final String LEAD = """
            {"id": "6a1f4b7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "unitId": "veloce-hamburg", "status": "new",
             "salutation": "Frau", "firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com",
             "phone": "0170 1234567", "companyName": "Velo Logistik GmbH", "companyDomain": null,
             "companySize": "50-249", "postalCode": "20095", "city": "Hamburg", "countryCode": "DE",
             "productsOfInterest": ["EB-CARGO-500"], "channel": "trade_fair", "campaignId": null, "formKey": null,
             "sourceDetails": "Velo Messe Hamburg 2026, stand B12", "message": null,
             "consent": {"given": true, "wording": "Ich bin einverstanden, dass Veloce mich kontaktiert.",
                         "wordingVersion": "2026-01", "source": "api", "capturedAt": "2026-11-27T10:15:30.123456Z"},
             "ownerId": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "queue": "unit",
             "routingReason": "territory hamburg-city (postal code prefix 20); round robin",
             "territoryId": "hamburg-city", "score": 45,
             "scoreExplanation": [{"rule": "fit.region", "points": 20, "detail": "Hamburg (postal code 20095)"},
                                  {"rule": "fit.companySize", "points": 5, "detail": "company size 50-249"},
                                  {"rule": "engagement.recency", "points": 20, "detail": "last engaged 0 days ago (half-life 14 days)"}],
             "contactId": null, "upsell": false, "formFills": 0,
             "sla": {"state": "on_track", "minutes": 60, "warnAt": "2026-11-27T11:00:30.123456Z",
                     "dueAt": "2026-11-27T11:15:30.123456Z", "breachedAt": null, "firstContactAt": null},
             "statusReason": null, "nurtureUntil": null, "convertedAt": null, "opportunityId": null,
             "capturedAt": "2026-11-27T10:15:30.123456Z", "anonymisedAt": null, "version": 1,
             "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e", "createdAt": "2026-11-27T10:15:30.123456Z",
             "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    static final String PAGE = "{\"items\": [{\"id\": \"6a1f4b7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b\", \"status\": \"new\","
            + " \"lastName\": \"Schulz\", \"score\": 45, \"version\": 1}], \"nextCursor\": null}";
    static final String PROBLEM = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
            + " \"detail\": \"email a lead needs an e-mail address or a phone number\","
            + " \"errors\": [{\"field\": \"email\", \"message\": \"a lead needs an e-mail address or a phone number\"}]}";
    static final String CONFLICT = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409,"
            + " \"detail\": \"A new lead cannot become qualified; allowed next: contacted, disqualified, nurture\"}";
    static final String STALE = "{\"type\": \"about:blank\", \"title\": \"Precondition Failed\", \"status\": 412,"
            + " \"detail\": \"Lead 6a1f4b7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b was changed by someone else; read it again"
            + " and send If-Match with its current ETag\"}";
    static final String ACTIVITY = "{\"kind\": \"call_attempt\", \"outcome\": \"no answer\","
            + " \"note\": \"Mailbox, will try again after lunch\"}";
    static final String ACTIVITY_VIEW = "{\"id\": \"0b7c3d2e-1f4a-4b5c-9d6e-7f8a9b0c1d2e\","
            + " \"leadId\": \"6a1f4b7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b\", \"kind\": \"call_attempt\","
            + " \"outcome\": \"no answer\", \"note\": \"Mailbox, will try again after lunch\","
            + " \"occurredAt\": \"2026-11-27T10:20:00Z\", \"authorId\": \"5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e\","
            + " \"createdAt\": \"2026-11-27T10:20:01.000001Z\"}";

    private Examples() {
    }
}
