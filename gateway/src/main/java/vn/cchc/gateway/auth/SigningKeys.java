package vn.cchc.gateway.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in issuer's key set, shared by every gateway replica: one RSA JWK per {@code *.json} file in the key
 * directory (a mounted Kubernetes Secret). Every key is published in the JWKS by its {@code kid}; the active one
 * signs. Rotation: add the new key file, switch {@code cchc.auth.active-key-id} to it, drop the old file once the
 * longest token it signed has expired. The local stack generates one key on first start ({@code generate-key}).
 */
public record SigningKeys(RSAKey active, List<RSAKey> all) {

    public SigningKeys {
        all = List.copyOf(all);
    }

    /** The public halves of every key, as published at {@code /oauth2/jwks}. */
    public JWKSet publicSet() {
        return new JWKSet(new ArrayList<JWK>(all)).toPublicJWKSet();
    }

    public JWKSet signingSet() {
        return new JWKSet(active);
    }

    public static SigningKeys load(Path dir, String activeKeyId, boolean generateWhenEmpty) {
        List<RSAKey> keys = read(dir);
        if (keys.isEmpty()) {
            if (!generateWhenEmpty) {
                throw new IllegalStateException("No signing key in " + dir + ": mount the key set (one RSA JWK per *.json file, "
                        + "e.g. the Secret cchc-gateway-keys) or, in the local stack only, set cchc.auth.generate-key=true");
            }
            keys = List.of(SigningKey.loadOrCreate(dir));
        }
        for (RSAKey key : keys) {
            if (key.getKeyID() == null || !key.isPrivate()) {
                throw new IllegalStateException("Every key in " + dir + " needs a kid and its private part");
            }
        }
        if (keys.stream().map(RSAKey::getKeyID).distinct().count() != keys.size()) {
            throw new IllegalStateException("Two keys in " + dir + " share a kid");
        }
        RSAKey active;
        if (activeKeyId == null || activeKeyId.isBlank()) {
            if (keys.size() > 1) {
                throw new IllegalStateException(keys.size() + " keys in " + dir
                        + ": set cchc.auth.active-key-id to the kid that signs");
            }
            active = keys.getFirst();
        } else {
            active = keys.stream().filter(k -> activeKeyId.equals(k.getKeyID())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("cchc.auth.active-key-id=" + activeKeyId
                            + " is not among the keys in " + dir));
        }
        return new SigningKeys(active, keys);
    }

    private static List<RSAKey> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        // a mounted Secret also holds "..data" and timestamped directories: only regular *.json files count
        try (Stream<Path> files = Files.list(dir)) {
            List<RSAKey> keys = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                try {
                    keys.add(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (ParseException e) {
                    throw new IllegalStateException("Signing key " + file + " is not a valid RSA JWK", e);
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing keys in " + dir, e);
        }
    }
}
