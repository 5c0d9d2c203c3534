package org.gatehouse.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.gatehouse.trade.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads them, requests whose form no handler can take: a query (or form body) that is
 * not valid percent-encoded UTF-8 (400), and a body whose {@code Content-Type} is not one concrete, printable media
 * type (415). Each is logged on one line: a malformed request is the client's mistake, not the server's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSanityFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSanityFilter.class);

    private final ProblemWriter problems;

    RequestSanityFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null) {
            String why = unusable(contentType);
            if (why != null) {
                log.info("Refused {} {}: Content-Type {}", request.getMethod(), request.getRequestURI(), why);
                refuse(request, response, Problems.UNSUPPORTED_MEDIA_TYPE, "the Content-Type " + why);
                return;
            }
        }
        try {
            request.getParameterMap(); // parses the query (and a form body) now, so a decoding failure is caught here
        } catch (RuntimeException e) {
            log.info(
                    "Refused {} {}: malformed query or form ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getClass().getSimpleName());
            refuse(request, response, Problems.INVALID_INPUT, "the query string is not valid percent-encoded UTF-8");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why a Content-Type cannot be read, or null when it can. */
    private static String unusable(String contentType) {
        for (int i = 0; i < contentType.length(); i++) {
            char c = contentType.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "must be printable ASCII";
            }
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "must name one media type, not a pattern such as " + type.getType() + "/*";
            }
            type.getCharset(); // an unknown charset is refused here, not by the handler
            return null;
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, or an unknown charset
            return "is not a media type";
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Problems problem, String detail)
            throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(
                    response,
                    problem,
                    detail,
                    problem == Problems.INVALID_INPUT ? List.of(new FieldProblem("query", detail)) : List.of());
        } else {
            response.sendError(problem.status().value(), detail);
        }
    }
}
