package crm.contacts.rest;

import crm.contacts.domain.DuplicateCandidate;
import crm.contacts.service.ContactMergedException;
import crm.contacts.service.LikelyDuplicateException;
import crm.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** problem+json answers for failures only the contact core knows. */
public class ContactProblemMappers {

    private static final Logger LOG = Logger.getLogger(ContactProblemMappers.class);

    /** RFC 9457 allows extension members: {@code candidates} lists the likely duplicates. */
    public record DuplicateProblem(String type, String title, int status, String detail,
                                   List<DuplicateCandidate> candidates) {
    }

    @ServerExceptionMapper
    public Response likelyDuplicate(LikelyDuplicateException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new DuplicateProblem("about:blank", "Conflict", 409, "A contact like this exists already;"
                        + " send the request again with force=true to create it anyway", e.candidates()))
                .build();
    }

    /**
     * A request body that could not be read to its end: the client broke off the upload, or it grew past the
     * body limit (RESTEasy has answered 413 itself then, and this answer is not sent). The client's doing,
     * not a server failure.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        boolean tooLarge = "Request too large".equals(e.getMessage());
        LOG.debugf("Request body not read completely: %s", e.getMessage());
        int status = tooLarge ? 413 : 400;
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, tooLarge ? "Content Too Large" : "Bad Request", tooLarge
                        ? "The request body is larger than this operation accepts"
                        : "The request body ended before it was complete"))
                .build();
    }

    /** Changing a merged contact is a conflict: the change belongs to the contact it was merged into. */
    @ServerExceptionMapper
    public Response merged(ContactMergedException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(409, "Conflict", "Contact " + e.contactId() + " was merged into " + e.survivorId()
                        + "; use that contact instead"))
                .build();
    }
}
