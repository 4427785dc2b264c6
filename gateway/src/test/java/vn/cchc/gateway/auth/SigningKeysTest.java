package vn.cchc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cchc.gateway.KeySets;

/** The key set read from a directory as a Kubernetes Secret mounts it. */
class SigningKeysTest {

    @Test
    void everyKeyIsPublishedAndTheNamedOneSigns(@TempDir Path dir) throws Exception {
        RSAKey old = KeySets.write(dir, "k-old");
        RSAKey current = KeySets.write(dir, "k-new");
        // what a mounted Secret also holds: a "..data" directory and links; not keys
        Files.createDirectories(dir.resolve("..2026_11_29_data"));
        Files.writeString(dir.resolve("README.txt"), "not a key");

        SigningKeys keys = SigningKeys.load(dir, "k-new", false);
        assertThat(keys.active().getKeyID()).isEqualTo("k-new");
        assertThat(keys.active().toRSAPublicKey()).isEqualTo(current.toRSAPublicKey());
        assertThat(keys.publicSet().getKeys()).extracting(k -> k.getKeyID()).containsExactlyInAnyOrder("k-old", "k-new");
        assertThat(keys.publicSet().getKeys()).noneMatch(k -> k.isPrivate());
        assertThat(keys.signingSet().getKeys()).singleElement().satisfies(k -> assertThat(k.getKeyID()).isEqualTo("k-new"));
        assertThat(old.getKeyID()).isEqualTo("k-old");
    }

    @Test
    void oneKeyNeedsNoName(@TempDir Path dir) {
        KeySets.write(dir, "only");
        assertThat(SigningKeys.load(dir, "", false).active().getKeyID()).isEqualTo("only");
    }

    @Test
    void ambiguousUnknownOrMissingKeysStopTheStart(@TempDir Path dir) {
        assertThatThrownBy(() -> SigningKeys.load(dir, "", false)).hasMessageContaining("No signing key");
        KeySets.write(dir, "a");
        KeySets.write(dir, "b");
        assertThatThrownBy(() -> SigningKeys.load(dir, "", false)).hasMessageContaining("cchc.auth.active-key-id");
        assertThatThrownBy(() -> SigningKeys.load(dir, "c", false)).hasMessageContaining("is not among the keys");
    }

    @Test
    void theLocalStackGeneratesOneKeyOnceWhenAllowed(@TempDir Path dir) {
        SigningKeys first = SigningKeys.load(dir.resolve("keys"), "", true);
        SigningKeys again = SigningKeys.load(dir.resolve("keys"), "", true);
        assertThat(again.active().getKeyID()).isEqualTo(first.active().getKeyID());
    }
}
