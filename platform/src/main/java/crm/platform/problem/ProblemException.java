package crm.platform.problem;

import java.util.List;

/** A failure with a known HTTP status and a message that is safe to show the caller. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " was not found", List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition Failed", detail, List.of());
    }

    /** The request is well-formed but cannot be processed as sent, e.g. an idempotency key reused for another body. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, List.of());
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }

    public int status() {
        return status;
    }
}
