package vn.cchc.system.attacks;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.cchc.system.LocalStack;

/**
 * JWTs made by hand (JDK crypto only), the way an attacker would: unsigned, re-signed with another key, claims edited
 * under a kept signature, HS256 keyed with the issuer's public key. Some need the issuer's real signing key (expired,
 * wrong issuer, wrong audience: they test the claim checks, not the signature); the local stack keeps it as a JWK
 * file in its data folder, found by the key id the JWKS publishes.
 */
final class ForgedTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String kid;
    private final PublicKey publicKey;
    private final Optional<PrivateKey> issuerKey;
    private final String issuer;

    private ForgedTokens(String kid, PublicKey publicKey, Optional<PrivateKey> issuerKey, String issuer) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.issuerKey = issuerKey;
        this.issuer = issuer;
    }

    /** Reads the gateway's JWKS and, when the stack's data folder holds it, the matching private key. */
    static ForgedTokens load() throws Exception {
        JsonNode key = Stack.json(new Probe().get(Stack.GATEWAY + "/oauth2/jwks")).get("keys").get(0);
        String kid = key.path("kid").asString();
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                number(key, "n"), number(key, "e")));
        String realToken = Stack.token("viewer");
        String issuer = Stack.JSON.readTree(B64D.decode(realToken.split("\\.")[1])).path("iss").asString();
        return new ForgedTokens(kid, publicKey, findPrivateKey(kid), issuer);
    }

    private static Optional<PrivateKey> findPrivateKey(String kid) throws IOException {
        if (!Files.isDirectory(LocalStack.HOME)) {
            return Optional.empty();
        }
        try (var files = Files.walk(LocalStack.HOME, 6)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).toList()) {
                try {
                    JsonNode jwk = Stack.JSON.readTree(Files.readString(file));
                    for (JsonNode candidate : jwk.has("keys") ? jwk.get("keys") : List.of(jwk)) {
                        if ("RSA".equals(candidate.path("kty").asString("")) && candidate.has("d")
                                && kid.equals(candidate.path("kid").asString(""))) {
                            return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                                    number(candidate, "n"), number(candidate, "e"), number(candidate, "d"),
                                    number(candidate, "p"), number(candidate, "q"), number(candidate, "dp"),
                                    number(candidate, "dq"), number(candidate, "qi"))));
                        }
                    }
                } catch (RuntimeException | java.security.GeneralSecurityException notAKey) {
                    // not a JWK file: keep looking
                }
            }
        }
        return Optional.empty();
    }

    private static BigInteger number(JsonNode jwk, String field) {
        return new BigInteger(1, B64D.decode(jwk.get(field).asString()));
    }

    String issuer() {
        return issuer;
    }

    /** The claims of an editor of the victim's province who claims every unit and the admin role. */
    ObjectNode claims(Instant now) {
        ObjectNode claims = Stack.JSON.createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", "attacker");
        claims.putArray("aud").add("cchc");
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(600).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", "attacker");
        claims.putArray("roles").add("PROVINCE_ADMIN");
        claims.putArray("units").add("vinh-long").add("hai-phong").add("lam-dong").add("lai-chau");
        return claims;
    }

    /** Signed with the issuer's real key: only the claims are wrong. Empty when the key file is not where expected. */
    Optional<String> withIssuerKey(ObjectNode claims) {
        return issuerKey.map(key -> rs256(claims, key));
    }

    /** Signed with a key of our own, announcing the issuer's key id. */
    String wronglySigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return rs256(claims(Instant.now()), generator.generateKeyPair().getPrivate());
    }

    /** A real token of {@code username} whose payload is replaced by admin claims, the signature kept. */
    String tampered(String realToken) {
        String[] parts = realToken.split("\\.");
        ObjectNode payload = (ObjectNode) Stack.JSON.readTree(B64D.decode(parts[1]));
        payload.putArray("roles").add("PROVINCE_ADMIN");
        payload.putArray("units").add("vinh-long").add("hai-phong").add("lam-dong").add("lai-chau");
        return parts[0] + "." + encode(payload.toString()) + "." + parts[2];
    }

    /** {@code alg: none}, no signature. */
    String unsigned() {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(Instant.now()).toString()) + ".";
    }

    /** HS256 with the issuer's public key (as PEM text) as the HMAC secret: the classic algorithm confusion. */
    String hs256WithPublicKey() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String signingInput = encode(Stack.JSON.writeValueAsString(Map.of("alg", "HS256", "typ", "JWT", "kid", kid)))
                + "." + encode(claims(Instant.now()).toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private String rs256(ObjectNode claims, PrivateKey key) {
        try {
            String signingInput = encode(Stack.JSON.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)))
                    + "." + encode(claims.toString());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode payload(String token) {
        return Stack.JSON.readTree(B64D.decode(token.split("\\.")[1]));
    }
}
