package crm.gateway.service;

/**
 * One piece of an answer the gateway composes from several services (the customer overview, the
 * privacy export): the name it has in the answer, the service that owns it and the request (path and
 * query) that fetches it for one contact.
 */
record CompositePart(String name, String serviceName, String uriTemplate) {

    String uriFor(String encodedContactId) {
        return uriTemplate.replace("{id}", encodedContactId);
    }
}
