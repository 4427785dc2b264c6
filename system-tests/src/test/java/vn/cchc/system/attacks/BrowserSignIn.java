package vn.cchc.system.attacks;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cchc.system.DemoAccounts;
import vn.cchc.system.LocalStack;

/**
 * Tokens an attacker can obtain legitimately and then misuse: the OpenID Connect ID token of the browser sign-in
 * (authorization code + PKCE, as the web UI does it) and an access token asked for under a forged {@code Host} header
 * (the local issuer names itself after the request's host).
 */
final class BrowserSignIn {
    private BrowserSignIn() {
    }

    /** The browser flow for {@code username}; returns the token endpoint's JSON (access_token, id_token, …). */
    static String codeFlow(String username) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = LocalStack.GATEWAY + "/ui/callback";
        String authorize = LocalStack.GATEWAY + "/oauth2/authorize?" + form(Map.of("response_type", "code",
                "client_id", "cchc-web", "redirect_uri", redirect, "scope", "openid profile", "state", "attack",
                "code_challenge", challenge, "code_challenge_method", "S256"));

        HttpResponse<String> first = browser.send(get(authorize), HttpResponse.BodyHandlers.ofString());
        String loginPage = browser.send(get(LocalStack.GATEWAY + "/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(loginPage);
        String csrfToken = csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "";
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/login"))
                .timeout(Probe.DEADLINE).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username,
                        "password", DemoAccounts.password(username), "_csrf", csrfToken)))).build(), HttpResponse.BodyHandlers.ofString());
        String next = login.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("sign-in form did not redirect (" + first.statusCode() + ", " + login.statusCode() + ")"));
        String location = next;
        for (int hop = 0; hop < 5 && !location.startsWith(redirect); hop++) {
            HttpResponse<String> step = browser.send(get(URI.create(LocalStack.GATEWAY).resolve(location).toString()),
                    HttpResponse.BodyHandlers.ofString());
            location = step.headers().firstValue("Location").orElseThrow(
                    () -> new IllegalStateException("authorization stopped with " + step.statusCode()));
        }
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("no code in " + location);
        }
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/oauth2/token"))
                .timeout(Probe.DEADLINE).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
                        "client_id", "cchc-web", "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + token.statusCode() + ": " + token.body());
        }
        return token.body();
    }

    /**
     * {@code POST /api/auth/token} with a forged {@code Host} header, over a plain socket (the JDK client will not send
     * another Host); HTTP/1.0, so the answer is not chunked. Returns the whole raw answer.
     */
    static String tokenWithHost(String host, String username) throws Exception {
        URI gateway = URI.create(LocalStack.GATEWAY);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + DemoAccounts.password(username) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout((int) Probe.DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/token HTTP/1.0\r\nHost: " + host + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Probe.DEADLINE).GET().build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
