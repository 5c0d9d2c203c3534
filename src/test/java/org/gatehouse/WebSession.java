package org.gatehouse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser tab over plain HTTP, for server-side tests of the web UI: it keeps the session cookie and the CSRF token
 * of the last page it loaded, and posts forms with that token unless told not to.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String SESSION = "GATEHOUSE_SESSION";

    private final Http http;
    private String cookie;
    private String csrf;

    public WebSession(int port) {
        this.http = new Http(port);
    }

    /** A new tab signed in as {@code username} with the demo password. */
    public static WebSession signedIn(int port, String username) {
        WebSession session = new WebSession(port);
        Http.Response response = session.signIn(username, IntegrationTest.DEMO_PASSWORD);
        if (response.status() != 302 || !response.header("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + response.status());
        }
        return session;
    }

    public Http.Response signIn(String username, String password) {
        open("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    public Http.Response open(String path) {
        Http.Response page = http.page(path, cookie);
        page.cookie(SESSION).ifPresent(c -> cookie = c);
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Posts {@code fields} with the CSRF token of the last page loaded. */
    public Http.Response post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return postWithoutToken(path, withToken);
    }

    /** Posts exactly {@code fields}, as a forged cross-site form would (no token unless given). */
    public Http.Response postWithoutToken(String path, Map<String, String> fields) {
        Http.Response response = http.form(path, cookie, fields);
        response.cookie(SESSION).ifPresent(c -> cookie = c);
        return response;
    }

    /** Posts a multipart form (a file upload) with the CSRF token of the last page loaded. */
    public Http.Response upload(
            String path,
            Map<String, java.util.List<String>> fields,
            String fileField,
            String fileName,
            byte[] content) {
        String boundary = "gatehouse-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, java.util.List<String>> all = new LinkedHashMap<>(fields);
        all.put("_csrf", java.util.List.of(csrf));
        all.forEach((name, values) -> values.forEach(value -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        if (fileField != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Http.Response response = http.multipart(path, cookie, boundary, body.toByteArray());
        response.cookie(SESSION).ifPresent(c -> cookie = c);
        return response;
    }

    public String csrf() {
        return csrf;
    }
}
