package vn.cchc.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local issuer's RSA key, kept as a JWK file in the key directory: generated on first start, read on
 * later ones, so tokens stay valid across restarts and the services' cached JWKS stays right.
 */
public final class SigningKey {
    static final String FILE = "gateway-signing-key.jwk.json";

    private SigningKey() {
    }

    public static RSAKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            Files.createDirectories(dir);
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            // write then rename: a crash never leaves half a key behind
            Path tmp = Files.createTempFile(dir, "key", ".tmp");
            restrict(tmp);
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key in " + dir, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Signing key " + file + " is not a valid RSA JWK", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: rely on the directory's ACL
        }
    }
}
