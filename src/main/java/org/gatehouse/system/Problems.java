package org.gatehouse.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gatehouse.trade.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem types of the API: each has a stable {@code type} URI that clients may
 * switch on, a fixed title, and a status. The security filters and the controller advice build
 * their answers here so that every error of the API has the same shape.
 */
public enum Problems {
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST, "Invalid input"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** Base of every problem type URI; documentation pages may live there later, the URIs never change. */
    public static final String TYPE_BASE = "https://gatehouse.dev/problems/";

    /** Media type of problem responses. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private final URI type;
    private final HttpStatus status;
    private final String title;

    Problems(String slug, HttpStatus status, String title) {
        this.type = URI.create(TYPE_BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A problem of this type with a human-readable {@code detail}. */
    public ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** An {@link #INVALID_INPUT} problem naming each offending field in an {@code errors} member. */
    public static ProblemDetail invalidInput(List<FieldProblem> errors) {
        ProblemDetail problem = INVALID_INPUT.detail(
                errors.size() == 1
                        ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : errors.size() + " fields are invalid");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    /** The problem type for an HTTP status that has no more specific one. */
    public static Problems forStatus(int status) {
        for (Problems problem : values()) {
            if (problem.status.value() == status) {
                return problem;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }
}
