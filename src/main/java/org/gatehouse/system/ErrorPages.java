package org.gatehouse.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends errors that no handler answered (a refusal by a filter, a security check, a missing
 * page, or {@code /error} asked for directly): API paths get problem details, web paths a styled page. Never the
 * status 999 of an error without a cause, and never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    /** What people are told for each status, in plain words. */
    private static final Map<Integer, String[]> WORDS = Map.of(
            400, new String[] {"Bad request", "The request could not be read. Check the address and try again."},
            401, new String[] {"Sign-in needed", "Sign in to see this page."},
            403,
                    new String[] {
                        "Not allowed",
                        "Your account may not do this, or the form expired: go back, reload and" + " try again."
                    },
            404, new String[] {"Page not found", "There is no page at this address."},
            405, new String[] {"Not allowed", "This page does not accept that kind of request."},
            413, new String[] {"Too large", "What was sent is larger than Gatehouse accepts."},
            415, new String[] {"Unsupported content", "What was sent is not in a form Gatehouse reads."},
            429, new String[] {"Too many attempts", "Wait a minute before you try again."},
            500, new String[] {"Something went wrong", "Gatehouse could not answer. The error has been logged."});

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        int status = status(request);
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
        String[] words = WORDS.getOrDefault(status, WORDS.get(status >= 500 ? 500 : 400));
        if (uri.startsWith("/api/")) {
            ProblemDetail problem = Problems.forStatus(status).detail(words[1]);
            problem.setStatus(status);
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("title", words[0]);
        page.addObject("message", words[1]);
        page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        return page;
    }

    /** The status the container forwarded with; asking for {@code /error} itself finds nothing there (404). */
    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer status && status >= 400 && status <= 599) {
            return status;
        }
        return 404;
    }
}
