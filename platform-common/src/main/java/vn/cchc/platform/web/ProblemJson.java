package vn.cchc.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** A Problem Details body written outside Spring MVC (Tomcat's valve), with the titles and details Spring would give. */
final class ProblemJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    static String of(int status, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null && !instance.isEmpty()) {
            body.put("instance", instance);
        }
        return JSON.writeValueAsString(body);
    }

    /** What the server refused without looking at the request's meaning: said generally, nothing echoed back. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (e.g. an encoded '/' or '\\' in the path, an invalid character, or a "
                    + "request line or header that is too long) and was refused before it was read.";
            case 404 -> "Nothing is found at this path.";
            case 405 -> "This method is not allowed here.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is too large.";
            case 414 -> "The request line (path and query) is too long.";
            case 431 -> "The request headers are too large.";
            case 501 -> "This method is not supported.";
            case 505 -> "This HTTP version is not supported.";
            default -> status >= 500 ? "The server could not complete the request." : "The request was refused.";
        };
    }
}
