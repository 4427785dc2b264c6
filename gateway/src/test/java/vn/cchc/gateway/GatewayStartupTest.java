package vn.cchc.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** No demo doors by accident: outside the demo profile the gateway needs an external issuer, and keys it does not make. */
class GatewayStartupTest {

    @Test
    void withoutTheDemoProfileAndWithoutAnIssuerTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> SpringApplication.run(GatewayApplication.class, "--server.port=0", "--management.server.port=0")
                .close())
                .hasStackTraceContaining("No token issuer is configured")
                .hasStackTraceContaining("CCHC_SECURITY_ISSUER");
    }

    @Test
    void theDemoIssuerWithoutKeysAndWithoutLeaveToGenerateThemRefusesToStart() throws Exception {
        Path empty = Files.createTempDirectory("cchc-no-keys");
        assertThatThrownBy(() -> SpringApplication.run(GatewayApplication.class, "--server.port=0", "--management.server.port=0",
                "--spring.profiles.active=demo", "--cchc.auth.generate-key=false", "--cchc.auth.key-dir=" + empty).close())
                .hasStackTraceContaining("No signing key in " + empty);
    }
}
