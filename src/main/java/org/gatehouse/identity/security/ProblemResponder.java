package org.gatehouse.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API's authentication and authorization failures as problem details (401 with a
 * {@code WWW-Authenticate: Bearer} challenge, 403), never with a redirect to the login page.
 */
class ProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean tokenRefused = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                tokenRefused
                        ? "Bearer error=\"invalid_token\", error_description=\"" + exception.getMessage() + "\""
                        : "Bearer");
        write(
                response,
                Problems.UNAUTHENTICATED,
                tokenRefused
                        ? exception.getMessage()
                        : "this resource needs an API token: send it as 'Authorization: Bearer <token>'");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(
                response,
                Problems.FORBIDDEN,
                exception.getMessage() == null || exception.getMessage().equals("Access Denied")
                        ? "your roles do not allow this request"
                        : exception.getMessage());
    }

    private void write(HttpServletResponse response, Problems problem, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", detail);
        response.setStatus(problem.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
