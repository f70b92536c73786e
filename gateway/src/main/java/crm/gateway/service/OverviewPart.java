package crm.gateway.service;

/**
 * One piece of the customer overview: the name it has in the answer, the service that owns it and the
 * request (path and query) that fetches it for one contact.
 */
record OverviewPart(String name, String serviceName, String uriTemplate) {

    static final String CONTACT = "contact";

    String uriFor(String contactId) {
        return uriTemplate.replace("{id}", contactId);
    }
}
