package org.gatehouse.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a styled 404 page in the web UI's layout, problem details under {@code /api/} (as
 * {@link ApiExceptionHandler} answers them). Spring MVC raises this before any controller is chosen, so neither the
 * pages' nor the API's advice can tell the two apart by controller; the path does.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingPages {

    @ExceptionHandler(NoResourceFoundException.class)
    Object missing(NoResourceFoundException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = Problems.NOT_FOUND.detail("there is nothing at " + e.getResourcePath());
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return PageErrors.page(HttpStatus.NOT_FOUND, "Page not found", "There is no page at this address.");
    }
}
