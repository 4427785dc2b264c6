package vn.cchc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @Test
    void theKeyIsGeneratedOnceAndReadBackAfterARestart(@TempDir Path dir) throws Exception {
        RSAKey first = SigningKey.loadOrCreate(dir.resolve("keys"));
        RSAKey again = SigningKey.loadOrCreate(dir.resolve("keys"));
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(again.isPrivate()).isTrue();
        assertThat(first.size()).isEqualTo(2048);
        Path file = dir.resolve("keys").resolve(SigningKey.FILE);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (var files = Files.list(dir.resolve("keys"))) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void aDifferentDirectoryHasADifferentKey(@TempDir Path dir) {
        assertThat(SigningKey.loadOrCreate(dir.resolve("a")).getKeyID())
                .isNotEqualTo(SigningKey.loadOrCreate(dir.resolve("b")).getKeyID());
    }
}
