package org.gatehouse.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The container's own error answers (a request it refuses before Gatehouse sees it, such as a path with an encoded
 * NUL): problem details on API paths, a short plain page elsewhere; never Tomcat's HTML report with its version.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
        boolean api = uri != null && uri.startsWith("/api/");
        Problems problem = Problems.forStatus(status);
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            if (api) {
                response.setContentType(Problems.MEDIA_TYPE);
                writer.write("{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                        + status + ",\"detail\":\"the request was refused before it reached Gatehouse: its address or"
                        + " headers are malformed\"}");
            } else {
                response.setContentType("text/html");
                writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                        + " · Gatehouse</title></head><body><main><h1>" + status + " · " + problem.title()
                        + "</h1><p>The request was refused: its address or headers are malformed.</p>"
                        + "<p><a href=\"/\">Go to your home page</a></p></main></body></html>");
            }
            writer.flush();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
