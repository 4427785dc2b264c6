package vn.cchc.gateway;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key files as an operator puts them into the gateway's key Secret: one RSA JWK with its kid per {@code *.json}. */
public final class KeySets {
    private KeySets() {
    }

    public static RSAKey write(Path dir, String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            Files.writeString(dir.resolve(kid + ".json"), key.toJSONString());
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
