package org.gatehouse.system;

import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The named exceptions of the services, answered on web pages ({@link WebPage}) with the styled error page and the
 * same statuses as the API: 404 for a record that does not exist or is not the caller's, 403 for a role that may not,
 * 409 for a stale or refused change, 400 for input no form field shows. Pages that show input problems next to their
 * fields catch {@link InvalidInputException} themselves; this is the fallback.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Page not found", "There is no such record, or it is not yours to see.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", "Your account may not do this.");
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "Not done", capitalized(e.getMessage()) + ".");
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        StringBuilder message = new StringBuilder();
        for (FieldProblem problem : e.problems()) {
            message.append(message.isEmpty() ? "" : " ")
                    .append(problem.field().isEmpty() ? "" : problem.field() + ": ")
                    .append(problem.message())
                    .append('.');
        }
        return page(HttpStatus.BAD_REQUEST, "Bad request", message.toString());
    }

    /** As the API answers it ({@code ApiExceptionHandler}): what the client sent was refused, never a 500. */
    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView refused(IllegalArgumentException e) {
        log.info("Refused a page request: {}", e.getMessage());
        return page(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                e.getMessage() == null ? "The request was refused." : capitalized(e.getMessage()) + ".");
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView mismatch(TypeMismatchException e) {
        return page(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                "The request could not be read. Check the address and try again.");
    }

    /** Spring MVC's own refusals (a method not allowed, a missing parameter…) keep their status; anything else is a bug. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            return page(
                    status,
                    status.getReasonPhrase(),
                    "The request could not be answered. Check the address and try again.");
        }
        log.error("Unexpected error answering a page", e);
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "Gatehouse could not answer. The error has been logged.");
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.setStatus(status);
        return page;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
