package org.gatehouse.system;

import java.util.List;
import java.util.stream.Collectors;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Maps the application's named exceptions, and Spring MVC's own, to RFC 9457 problem details with
 * a stable {@code type} (see {@link Problems}), once, at the edge. Nothing here reveals internals:
 * unexpected errors are logged and answered with a generic 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return problem(Problems.invalidInput(e.problems()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(Problems.NOT_FOUND.detail(e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        ProblemDetail problem = Problems.CONFLICT.detail(e.getMessage());
        if (!e.reasons().isEmpty()) {
            problem.setProperty("reasons", e.reasons());
        }
        return problem(problem);
    }

    /**
     * A value refused by a rule that did not name its field (a safety net: binders name fields): 400 with the reason,
     * never a 500 for what the client sent.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> refused(IllegalArgumentException e) {
        log.info("Refused a request: {}", e.getMessage());
        return problem(
                Problems.INVALID_INPUT.detail(e.getMessage() == null ? "the request was refused" : e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return problem(Problems.FORBIDDEN.detail(e.getMessage()));
    }

    /** A controller that needs a caller was reached without one (a public path): 401, like the filters answer. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        return problem(Problems.UNAUTHENTICATED.detail("this request needs authentication"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error answering a request", e);
        return problem(Problems.INTERNAL.detail("an unexpected error occurred; it has been logged"));
    }

    /** Malformed JSON, unknown fields, wrong types and values refused by a record: 400 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException jackson && duplicateKey(jackson) != null) {
            String parent = path(jackson.getPath());
            String key = duplicateKey(jackson);
            return problem(Problems.invalidInput(List.of(new FieldProblem(
                    parent.isEmpty() ? key : parent + "." + key, "is given more than once; send each field once"))));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson.getPath());
            String message = switch (jackson) {
                case UnrecognizedPropertyException unknown -> "unknown field";
                case ValueInstantiationException refused
                when refused.getCause() instanceof IllegalArgumentException iae -> iae.getMessage();
                default -> "has the wrong type or format";
            };
            return problem(Problems.invalidInput(List.of(new FieldProblem(field, message))));
        }
        if (cause instanceof ValueInstantiationException refused
                && refused.getCause() instanceof IllegalArgumentException iae) {
            return problem(Problems.invalidInput(List.of(new FieldProblem("body", iae.getMessage()))));
        }
        return problem(Problems.INVALID_INPUT.detail("the request body is missing or is not well-formed JSON"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field =
                e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        return problem(Problems.invalidInput(
                List.of(new FieldProblem(String.valueOf(field), "has the wrong type or format"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.invalidInput(List.of(new FieldProblem(e.getParameterName(), "is required"))));
    }

    /** Spring's own problems (404, 405, 415…) get our stable type and title instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody(); // what the superclass would use; typed here before it is written
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null
                        || "about:blank".equals(problem.getType().toString()))) {
            Problems type = Problems.forStatus(status.value());
            problem.setType(type.type());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The key a strict parser found twice ({@code Duplicate Object property "quantity"}), or null. */
    private static String duplicateKey(JacksonException e) {
        String message = e.getOriginalMessage();
        String prefix = "Duplicate Object property \"";
        if (message == null || !message.startsWith(prefix)) {
            return null;
        }
        int end = message.indexOf('"', prefix.length());
        return end < 0 ? null : message.substring(prefix.length(), end);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
