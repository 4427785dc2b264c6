package vn.cchc.system.attacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged and misused tokens of every kind, each sent to a data read of the gateway and of every service on its own port.
 * Rule: 401 (any 4xx) and no data; 2xx is a LEAK.
 */
final class TokenAttacks {
    private TokenAttacks() {
    }

    /** How to obtain a bearer value (without "Bearer ") lazily; null means: no Authorization header at all. */
    private record Forgery(String name, String how, Source token) {
    }

    @FunctionalInterface
    interface Source {
        String get() throws Exception;
    }

    static List<Attack> all(ForgedTokens forged) {
        List<Forgery> forgeries = List.of(
                new Forgery("no token", "no Authorization header", () -> null),
                new Forgery("malformed token", "Bearer not-a.jwt", () -> "not-a.jwt"),
                new Forgery("expired token", "RS256 with the issuer's real key, exp an hour ago",
                        () -> withIssuerKey(forged, forged.claims(Instant.now().minusSeconds(7200)))),
                new Forgery("wrongly signed token", "RS256 with another RSA key under the issuer's kid", forged::wronglySigned),
                new Forgery("tampered claims", "a real editor token with roles/units replaced, signature kept",
                        () -> forged.tampered(Stack.token(Victim.EDITOR))),
                new Forgery("alg=none", "header alg none, empty signature", forged::unsigned),
                new Forgery("HS256 keyed with the public key", "HMAC-SHA256 with the JWKS key's PEM as secret", forged::hs256WithPublicKey),
                new Forgery("wrong issuer", "RS256 with the real key, iss https://evil.example",
                        () -> withIssuerKey(forged, claims(forged, "iss", "https://evil.example"))),
                new Forgery("wrong audience", "RS256 with the real key, aud some-other-app",
                        () -> {
                            ObjectNode claims = forged.claims(Instant.now());
                            claims.putArray("aud").add("some-other-app");
                            return withIssuerKey(forged, claims);
                        }),
                new Forgery("ID token as bearer", "the id_token of the browser sign-in (code + PKCE) of viewer",
                        () -> Stack.JSON.readTree(BrowserSignIn.codeFlow("viewer")).get("id_token").asString()),
                new Forgery("token minted under a forged Host", "POST /api/auth/token (viewer) with Host: evil.example",
                        () -> {
                            String raw = BrowserSignIn.tokenWithHost("evil.example", "viewer");
                            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(raw);
                            if (!token.find()) {
                                return "refused-at-issue"; // nothing minted: the attack is over, any later answer is 401
                            }
                            if (!ForgedTokens.payload(token.group(1)).path("iss").asString("").contains("evil.example")) {
                                return "host-ignored"; // the issuer did not follow the Host header: nothing forged to use
                            }
                            return token.group(1);
                        }));
        List<Attack> attacks = new ArrayList<>();
        for (Forgery forgery : forgeries) {
            Memo token = new Memo(forgery.token());
            for (Map.Entry<String, String> read : Stack.READS.entrySet()) {
                Route route = read.getKey().equals("gateway") ? Route.GATEWAY : Route.DIRECT;
                attacks.add(new Attack(forgery.name() + " → " + read.getKey(), Kind.FORGED_TOKEN, route,
                        "GET " + read.getValue() + " with " + forgery.how(), "401 (any 4xx), no data",
                        () -> {
                            String value = token.get();
                            Probe.Reply reply = new Probe().get(read.getValue(), "Authorization", value == null ? null : "Bearer " + value);
                            return Rules.refused(reply);
                        }));
            }
        }
        return attacks;
    }

    private static ObjectNode claims(ForgedTokens forged, String field, String value) {
        ObjectNode claims = forged.claims(Instant.now());
        claims.put(field, value);
        return claims;
    }

    private static String withIssuerKey(ForgedTokens forged, ObjectNode claims) {
        Optional<String> token = forged.withIssuerKey(claims);
        return token.orElseThrow(() -> new IllegalStateException(
                "the issuer's signing key was not found under the stack's CCHC_HOME: this attack needs it"));
    }

    /** A token made once, on first use, shared by the attacks of one forgery (one sign-in per forgery). */
    static final class Memo {
        private final Source source;
        private boolean done;
        private String value;

        Memo(Source source) {
            this.source = source;
        }

        synchronized String get() throws Exception {
            if (!done) {
                value = source.get();
                done = true;
            }
            return value;
        }
    }
}
