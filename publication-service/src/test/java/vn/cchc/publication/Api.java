package vn.cchc.publication;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import vn.cchc.platform.test.Http;
import vn.cchc.security.test.TestTokens;

/**
 * Real HTTP calls to the API with a bearer token. The static methods call as {@link #ADMIN}, a province admin of
 * every province the tests use (so the tests of validation, duplicates, lists … see everything);
 * {@code Api.as(token)} calls as someone else.
 */
final class Api {
    static final String ADMIN = TestTokens.token("admin.test", List.of("PROVINCE_ADMIN"),
            List.of("vinh-long", "lam-dong", "hai-phong", "lai-chau", "ha-noi"));

    private Api() {
    }

    static Caller as(String token) {
        return new Caller(token);
    }

    static Http.Response get(String url, String... headers) {
        return as(ADMIN).get(url, headers);
    }

    static Http.Response postJson(String url, String json, String... headers) {
        return as(ADMIN).postJson(url, json, headers);
    }

    static Http.Response putJson(String url, String json, String... headers) {
        return as(ADMIN).putJson(url, json, headers);
    }

    static Http.Response send(HttpRequest.Builder request, String... headers) {
        return as(ADMIN).send(request, headers);
    }

    static Http.Response upload(String url, String fileName, String contentType, byte[] content) {
        return as(ADMIN).upload(url, fileName, contentType, content);
    }

    /** Calls carrying {@code Authorization: Bearer <token>}. */
    record Caller(String token) {
        String[] with(String... headers) {
            return Stream.concat(Stream.of("Authorization", TestTokens.bearer(token)), Stream.of(headers))
                    .toArray(String[]::new);
        }

        Http.Response get(String url, String... headers) {
            return Http.get(url, with(headers));
        }

        Http.Response postJson(String url, String json, String... headers) {
            return Http.postJson(url, json, with(headers));
        }

        Http.Response putJson(String url, String json, String... headers) {
            return Http.putJson(url, json, with(headers));
        }

        Http.Response delete(String url) {
            return Http.send(HttpRequest.newBuilder(URI.create(url)).DELETE(), with());
        }

        Http.Response send(HttpRequest.Builder request, String... headers) {
            return Http.send(request, with(headers));
        }

        Http.Response upload(String url, String fileName, String contentType, byte[] content) {
            return Multipart.upload(url, fileName, contentType, content, with());
        }
    }
}
