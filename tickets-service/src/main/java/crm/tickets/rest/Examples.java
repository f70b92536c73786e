package crm.tickets.rest;

/** Realistic request and response bodies for the OpenAPI document. */
final class Examples {

    static final String NEW_TICKET = """
            {"subject": "Akku lädt nicht mehr", "description": "Seit gestern zeigt das Display beim Laden Fehler E42.",
             "channel": "phone", "category": "battery", "priority": "high",
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "tags": ["e-bike", "garantie"],
             "customFields": {"serialNumber": "VB-2024-118833", "purchasedOn": "2025-03-14"},
             "watchers": ["5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e"], "unitId": "veloce-hamburg"}""";
    static final String TICKET = """
            {"id": "8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45", "number": 1042, "unitId": "veloce-hamburg",
             "subject": "Akku lädt nicht mehr", "description": "Seit gestern zeigt das Display beim Laden Fehler E42.",
             "channel": "phone", "category": "battery", "priority": "high", "status": "new",
             "contactId": "2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11", "contactVerified": true, "companyId": null,
             "companyVerified": false, "requesterEmail": "jana.schulz@example.com", "customerTier": "gold",
             "queueId": "0c3e4b5a-6d7f-4e8a-9b1c-2d3e4f5a6b7c", "assigneeId": "agent-hamburg-1",
             "routingRule": "Gold battery cases", "tags": ["e-bike", "garantie"],
             "customFields": {"serialNumber": "VB-2024-118833", "purchasedOn": "2025-03-14"},
             "watchers": ["5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e"],
             "sla": {"policy": "high gold", "firstResponseTargetMinutes": 30, "resolutionTargetMinutes": 240,
                     "clockRunning": true, "firstResponseDueAt": "2026-11-27T10:45:30Z",
                     "resolutionDueAt": "2026-11-27T14:15:30Z", "firstResponseWarnedAt": null,
                     "firstResponseBreachedAt": null, "resolutionWarnedAt": null, "resolutionBreachedAt": null,
                     "firstResponseBusinessMinutes": null, "resolutionBusinessMinutes": null},
             "firstResponseAt": null, "resolvedAt": null, "closedAt": null, "reopenedAt": null, "rating": null,
             "version": 1, "createdBy": "5b1c0a5e-4d7e-4f39-8d0a-3f1f7b1c2d3e",
             "createdAt": "2026-11-27T10:15:30.123456Z", "updatedAt": "2026-11-27T10:15:30.123456Z"}""";
    static final String TICKET_PAGE = "{\"items\": [{\"id\": \"8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45\", \"number\": 1042,"
            + " \"subject\": \"Akku lädt nicht mehr\", \"status\": \"open\", \"priority\": \"high\", \"version\": 3}],"
            + " \"nextCursor\": \"MjAyNi0xMS0yN1QxMDoxNTozMFofOGQ1ZjNjMmE\"}";
    static final String PATCH = "{\"priority\": \"urgent\", \"tags\": [\"e-bike\", \"garantie\", \"vip\"],"
            + " \"customFields\": {\"serialNumber\": \"VB-2024-118833\"}}";
    static final String STATUS = "{\"status\": \"pending_customer\"}";
    static final String ASSIGN = "{\"queueId\": \"0c3e4b5a-6d7f-4e8a-9b1c-2d3e4f5a6b7c\", \"assigneeId\": \"agent-hamburg-2\"}";
    static final String RATING = "{\"rating\": 5, \"comment\": \"Schnell und freundlich, danke!\"}";
    static final String NEW_COMMENT = "{\"body\": \"Bitte senden Sie uns ein Foto der Fehlermeldung.\", \"visibility\": \"public\"}";
    static final String COMMENT = "{\"id\": \"4a1b2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\", \"ticketId\": \"8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45\","
            + " \"authorId\": \"agent-hamburg-1\", \"visibility\": \"public\","
            + " \"body\": \"Bitte senden Sie uns ein Foto der Fehlermeldung.\", \"createdAt\": \"2026-11-27T10:20:00Z\"}";
    static final String COMMENT_PAGE = "{\"items\": [" + COMMENT + "], \"nextCursor\": null}";
    static final String NEW_ATTACHMENT = "{\"name\": \"fehler-e42.jpg\", \"contentType\": \"image/jpeg\", \"sizeBytes\": 482133}";
    static final String ATTACHMENT = "{\"id\": \"9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b\", \"ticketId\": \"8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45\","
            + " \"name\": \"fehler-e42.jpg\", \"contentType\": \"image/jpeg\", \"sizeBytes\": 482133,"
            + " \"uploadedBy\": \"agent-hamburg-1\", \"createdAt\": \"2026-11-27T10:21:00Z\"}";
    static final String SOLVED_BY = "{\"articleIds\": [\"6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c\"]}";
    static final String ARTICLE_LIST = "{\"items\": [{\"id\": \"6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c\","
            + " \"title\": \"Fehler E42: Akku lädt nicht\", \"body\": \"Ladegerät prüfen ...\", \"category\": \"battery\","
            + " \"tags\": [\"akku\", \"e42\"], \"solvedCount\": 17, \"score\": 0.61, \"version\": 2,"
            + " \"createdBy\": \"hq-editor\", \"createdAt\": \"2026-10-01T08:00:00Z\", \"updatedAt\": \"2026-10-05T08:00:00Z\"}]}";
    static final String NEW_ARTICLE = "{\"title\": \"Fehler E42: Akku lädt nicht\", \"body\": \"Ladegerät und Ladebuchse"
            + " prüfen; leuchtet die Anzeige nicht, Akku 10 Minuten vom Rad nehmen ...\", \"category\": \"battery\","
            + " \"tags\": [\"akku\", \"e42\"]}";
    static final String ARTICLE = "{\"id\": \"6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c\", \"title\": \"Fehler E42: Akku lädt nicht\","
            + " \"body\": \"Ladegerät und Ladebuchse prüfen ...\", \"category\": \"battery\", \"tags\": [\"akku\", \"e42\"],"
            + " \"solvedCount\": 17, \"version\": 2, \"createdBy\": \"hq-editor\","
            + " \"createdAt\": \"2026-10-01T08:00:00Z\", \"updatedAt\": \"2026-10-05T08:00:00Z\"}";
    static final String ARTICLE_PAGE = "{\"items\": [" + ARTICLE + "], \"nextCursor\": null}";
    static final String NEW_QUEUE = "{\"name\": \"Akku-Service Nord\", \"description\": \"Battery cases of the northern stores\","
            + " \"strategy\": \"skill\", \"members\": [{\"agentId\": \"agent-hamburg-1\", \"skills\": [\"battery\", \"motor\"],"
            + " \"capacity\": 12, \"active\": true}, {\"agentId\": \"agent-hamburg-2\", \"skills\": [\"battery\"], \"capacity\": 8}]}";
    static final String QUEUE = "{\"id\": \"0c3e4b5a-6d7f-4e8a-9b1c-2d3e4f5a6b7c\", \"name\": \"Akku-Service Nord\","
            + " \"description\": \"Battery cases of the northern stores\", \"strategy\": \"skill\", \"members\":"
            + " [{\"agentId\": \"agent-hamburg-1\", \"skills\": [\"battery\", \"motor\"], \"capacity\": 12, \"active\": true}],"
            + " \"isDefault\": false, \"version\": 1, \"createdAt\": \"2026-11-01T09:00:00Z\", \"updatedAt\": \"2026-11-01T09:00:00Z\"}";
    static final String QUEUE_PAGE = "{\"items\": [" + QUEUE + "], \"nextCursor\": null}";
    static final String ROUTING_RULES = "{\"rules\": [{\"name\": \"Gold battery cases\", \"categories\": [\"battery\"],"
            + " \"priorities\": [\"high\", \"urgent\"], \"channels\": [\"phone\", \"email\"], \"unitIds\": [],"
            + " \"words\": [\"akku\", \"ladegerät\"], \"tiers\": [\"gold\"], \"queueId\": \"0c3e4b5a-6d7f-4e8a-9b1c-2d3e4f5a6b7c\"},"
            + " {\"name\": \"Everything from Munich\", \"unitIds\": [\"veloce-munich\"],"
            + " \"queueId\": \"1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a\"}]}";
    static final String SLA_POLICIES = "{\"warningPercent\": 80, \"policies\": [{\"name\": \"high gold\", \"priority\": \"high\","
            + " \"tier\": \"gold\", \"firstResponseMinutes\": 30, \"resolutionMinutes\": 240, \"warningPercent\": 75,"
            + " \"warningActions\": [\"raise_priority\"], \"breachActions\": [\"move_to_escalation_queue\", \"notify_manager\"],"
            + " \"escalationQueueId\": \"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d\"},"
            + " {\"name\": \"normal\", \"priority\": \"normal\", \"firstResponseMinutes\": 240, \"resolutionMinutes\": 1440,"
            + " \"breachActions\": [\"raise_priority\", \"notify_manager\"]}]}";
    static final String CALENDARS = "{\"tenant\": {\"zone\": \"Europe/Berlin\", \"openingHours\": {"
            + "\"monday\": [{\"opens\": \"08:00\", \"closes\": \"18:00\"}], \"tuesday\": [{\"opens\": \"08:00\", \"closes\": \"18:00\"}],"
            + " \"wednesday\": [{\"opens\": \"08:00\", \"closes\": \"18:00\"}], \"thursday\": [{\"opens\": \"08:00\", \"closes\": \"18:00\"}],"
            + " \"friday\": [{\"opens\": \"08:00\", \"closes\": \"18:00\"}]}, \"holidays\": [\"2026-12-24\", \"2026-12-25\", \"2026-12-26\"]},"
            + " \"units\": {\"veloce-munich\": {\"zone\": \"Europe/Berlin\", \"openingHours\": {"
            + "\"monday\": [{\"opens\": \"09:00\", \"closes\": \"13:00\"}, {\"opens\": \"14:00\", \"closes\": \"19:00\"}],"
            + " \"saturday\": [{\"opens\": \"10:00\", \"closes\": \"16:00\"}]}, \"holidays\": [\"2026-01-06\"]}}}";
    static final String PROBLEM_400 = "{\"type\": \"about:blank\", \"title\": \"Bad Request\", \"status\": 400,"
            + " \"detail\": \"subject must not be blank\", \"errors\": [{\"field\": \"subject\", \"message\": \"must not be blank\"}]}";
    static final String PROBLEM_409 = "{\"type\": \"about:blank\", \"title\": \"Conflict\", \"status\": 409,"
            + " \"detail\": \"A closed ticket cannot change to open; reopen it instead; allowed: none\"}";
    static final String PROBLEM_412 = "{\"type\": \"about:blank\", \"title\": \"Precondition Failed\", \"status\": 412,"
            + " \"detail\": \"Ticket 8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45 was changed by someone else; read it again and"
            + " send If-Match with its current ETag\"}";
    static final String EXPORT = "{\"service\": \"tickets-service\", \"subjectId\": \"2f0f5c1e-7d2a-4c7e-9a53-0d1f0c2b9d11\","
            + " \"tickets\": [{\"ticket\": {\"id\": \"8d5f3c2a-1b4e-4f6a-9c7d-2e8b1a0f3d45\", \"number\": 1042,"
            + " \"subject\": \"Akku lädt nicht mehr\"}, \"comments\": [" + COMMENT + "], \"attachments\": [" + ATTACHMENT + "]}]}";

    private Examples() {
    }
}
