package vn.cchc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cchc.security.app.ScopedItemsApp;

/** A service without a configured issuer does not start: it would otherwise trust whatever its keys signed. */
class IssuerRequiredTest {

    @Test
    void withoutAnIssuerTheServiceRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> start("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks"))
                .hasStackTraceContaining("cchc.security.issuer")
                .hasStackTraceContaining("CCHC_SECURITY_ISSUER");
    }

    @Test
    void withAnIssuerAndKeysItStarts() {
        try (ConfigurableApplicationContext context = start(
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks",
                "--cchc.security.issuer=https://sso.example.gov.vn/realms/cchc")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(ScopedItemsApp.class);
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        return app.run(all);
    }
}
