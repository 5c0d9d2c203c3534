package org.gatehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the test server, as a client would send it: no redirects followed, no cookie
 * jar (web tests pass the session cookie themselves, so they can check its flags).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response, with its body as text (and as JSON on demand). */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        /** The value of cookie {@code name} set by this response, e.g. {@code GATEHOUSE_SESSION=abc}. */
        public Optional<String> cookie(String name) {
            return setCookies().stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** An API call: {@code token} may be null (anonymous), {@code json} null for no body. */
    public Response api(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public Response get(String path, String token) {
        return api("GET", path, token, null);
    }

    public Response post(String path, String token, String json) {
        return api("POST", path, token, json);
    }

    /** A browser page: {@code cookie} is e.g. {@code GATEHOUSE_SESSION=…} or null. */
    public Response page(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET());
    }

    /** A browser form post. */
    public Response form(String path, String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A browser's multipart form post (a file upload), its body already encoded with {@code boundary}. */
    public Response multipart(String path, String cookie, String boundary, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** An API call with extra request headers (Idempotency-Key…). */
    public Response api(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
