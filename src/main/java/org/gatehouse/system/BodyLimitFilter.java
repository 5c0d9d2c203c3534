package org.gatehouse.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API request bodies larger than {@code gatehouse.web.body-bytes-max} (default 1 MiB: a
 * full application of 1,000 lines is about 100 KiB) with 413 problem details, before anything
 * parses them. A declared Content-Length is checked at once; a body without one is read up to the
 * limit, and only passed on if it fits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

    /** The one upload of the API: restricted-party list files (multipart; the container bounds each part too). */
    static final String LIST_IMPORT = "/api/v1/screening/lists";

    private final int bodyBytesMax;
    private final long listImportBytesMax;
    private final JsonMapper json;

    BodyLimitFilter(
            @Value("${gatehouse.web.body-bytes-max:1048576}") int bodyBytesMax,
            @Value("${gatehouse.web.list-import-bytes-max:100663296}") long listImportBytesMax,
            JsonMapper json) {
        this.bodyBytesMax = bodyBytesMax;
        this.listImportBytesMax = listImportBytesMax;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (LIST_IMPORT.equals(request.getRequestURI()) && "POST".equals(request.getMethod())) {
            // List files are large (the current SDN set is about 10 MB, the CSL about 40 MB); the multipart
            // settings (spring.servlet.multipart.*) bound a body without a declared length.
            if (declared > listImportBytesMax) {
                refuse(response, listImportBytesMax);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (declared > bodyBytesMax) {
            refuse(response);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response); // the container reads at most the declared length
            return;
        }
        byte[] body = request.getInputStream().readNBytes(bodyBytesMax + 1);
        if (body.length > bodyBytesMax) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        refuse(response, bodyBytesMax);
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.PAYLOAD_TOO_LARGE.type().toString());
        problem.put("title", Problems.PAYLOAD_TOO_LARGE.title());
        problem.put("status", Problems.PAYLOAD_TOO_LARGE.status().value());
        problem.put("detail", "the request body exceeds the limit of " + limit + " bytes");
        response.setStatus(Problems.PAYLOAD_TOO_LARGE.status().value());
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close"); // the rest of the body is not read
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
