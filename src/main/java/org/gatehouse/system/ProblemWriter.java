package org.gatehouse.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.trade.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem (RFC 9457) straight to a servlet response, for the filters that answer before Spring MVC does
 * (security, body limits, malformed requests): the same members as {@link Problems} produces at the edge.
 */
@Component
public final class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Answers {@code problem} with {@code detail}. */
    public void write(HttpServletResponse response, Problems problem, String detail) throws IOException {
        write(response, problem, detail, List.of());
    }

    /** Answers {@code problem} with {@code detail} and, when there are any, the fields it concerns. */
    public void write(HttpServletResponse response, Problems problem, String detail, List<FieldProblem> errors)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type().toString());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put(
                    "errors",
                    errors.stream()
                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                            .toList());
        }
        response.setStatus(problem.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
