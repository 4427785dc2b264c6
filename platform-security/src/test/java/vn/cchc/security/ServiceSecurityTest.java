package vn.cchc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.cchc.platform.test.Http;
import vn.cchc.security.app.ScopedItemsApp;
import vn.cchc.security.test.TestTokens;

/** The library in a real servlet app over real HTTP, with tokens from the test key. */
@SpringBootTest(classes = ScopedItemsApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {TestTokens.PUBLIC_KEY_PROPERTY,
            // as a service's application.properties would have it: the test key must win over it
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks",
            "management.endpoints.web.exposure.include=health,info,prometheus,metrics"})
class ServiceSecurityTest {
    static final String PHU_KHUONG = "vinh-long.phu-khuong";
    static final String TIEN_MINH = "hai-phong.tien-minh";
    static final List<String> EDITOR = List.of("EDITOR");

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        ScopedItemsApp.ITEMS.clear();
        ScopedItemsApp.ITEMS.addAll(List.of(PHU_KHUONG + ".vhxh", TIEN_MINH + ".ttdvth", "lam-dong.bac-binh"));
    }

    @Test
    void missingExpiredMalformedWronglySignedAndTamperedTokensGet401Problems() {
        assertUnauthorized(Http.get(url("/api/items")));
        for (String token : List.of(
                TestTokens.expired("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.malformed(),
                TestTokens.wronglySigned("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.tampered("ed", EDITOR, List.of(PHU_KHUONG)))) {
            Http.Response response = Http.get(url("/api/items"), "Authorization", TestTokens.bearer(token));
            assertUnauthorized(response);
            assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
        }
        // a write without a token changes nothing
        assertUnauthorized(Http.postJson(url("/api/items/" + PHU_KHUONG), "{}"));
        assertThat(ScopedItemsApp.ITEMS).hasSize(3);
    }

    @Test
    void tokensFromAnotherIssuerForAnotherApiOrIdTokensGet401AndChangeNothing() {
        for (String token : List.of(
                TestTokens.wrongIssuer("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.wrongAudience("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.noAudience("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.idToken("ed", EDITOR, List.of(PHU_KHUONG)),
                TestTokens.idTokenForTheApi("ed", EDITOR, List.of(PHU_KHUONG)))) {
            Http.Response read = Http.get(url("/api/items"), "Authorization", TestTokens.bearer(token));
            assertUnauthorized(read);
            assertThat(read.header("WWW-Authenticate")).contains("invalid_token");
            assertUnauthorized(Http.postJson(url("/api/items/" + PHU_KHUONG + ".moi"), "{}", "Authorization", TestTokens.bearer(token)));
        }
        assertThat(ScopedItemsApp.ITEMS).hasSize(3);
        // the same claims as an access token from the issuer for this API pass
        assertThat(Http.get(url("/api/items"), auth(TestTokens.token("ed", EDITOR, List.of(PHU_KHUONG)))).status()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    @Test
    void theServiceChecksEachTokenOnceThenRemembersItUntilItExpires() {
        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        String token = TestTokens.token("ed", EDITOR, List.of(PHU_KHUONG));
        assertThat(Http.get(url("/api/items"), auth(token)).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/items"), auth(token)).status()).isEqualTo(200);
        assertThat(((CachingJwtDecoder) decoder).size()).isPositive();
    }

    @Test
    void openEndpointsNeedNoTokenButOtherActuatorEndpointsNeedOps() {
        assertThat(Http.get(url("/actuator/health")).status()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus")).status()).isEqualTo(200);
        assertUnauthorized(Http.get(url("/actuator/metrics")));
        assertForbidden(Http.get(url("/actuator/metrics"), auth(TestTokens.viewer("vinh-long"))));
        assertThat(Http.get(url("/actuator/metrics"), auth(TestTokens.ops())).status()).isEqualTo(200);
    }

    @Test
    void listsAndReadsShowOnlyTheCallersUnits() {
        Http.Response list = Http.get(url("/api/items"), auth(TestTokens.editor(PHU_KHUONG)));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(PHU_KHUONG).doesNotContain(TIEN_MINH, "lam-dong");

        Http.Response two = Http.get(url("/api/items"), auth(TestTokens.viewer("vinh-long", "hai-phong")));
        assertThat(two.body()).contains(PHU_KHUONG, TIEN_MINH).doesNotContain("lam-dong");

        assertForbidden(Http.get(url("/api/items/" + TIEN_MINH), auth(TestTokens.editor(PHU_KHUONG))));
        assertThat(Http.get(url("/api/items/" + PHU_KHUONG), auth(TestTokens.coordinator(PHU_KHUONG))).status()).isEqualTo(200);
    }

    @Test
    void opsReadsNoBusinessData() {
        assertForbidden(Http.get(url("/api/items"), auth(TestTokens.ops())));
    }

    @Test
    void writesOutsideScopeOrRoleAre403AndChangeNothing() {
        assertForbidden(Http.postJson(url("/api/items/" + TIEN_MINH), "{}", auth(TestTokens.editor(PHU_KHUONG))));
        assertForbidden(Http.postJson(url("/api/items/" + PHU_KHUONG), "{}", auth(TestTokens.viewer("vinh-long"))));
        assertForbidden(Http.postJson(url("/api/items/" + PHU_KHUONG), "{}", auth(TestTokens.ops())));
        assertForbidden(Http.postJson(url("/api/plans/" + TIEN_MINH + "/issue"), "{}", auth(TestTokens.coordinator(PHU_KHUONG))));
        assertForbidden(Http.postJson(url("/api/plans/" + PHU_KHUONG + "/issue"), "{}", auth(TestTokens.editor(PHU_KHUONG))));
        assertThat(ScopedItemsApp.ITEMS).hasSize(3);

        Http.Response created = Http.postJson(url("/api/items/" + PHU_KHUONG + ".ttdvth"), "{}", auth(TestTokens.editor(PHU_KHUONG)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("editor-" + PHU_KHUONG);
        assertThat(Http.postJson(url("/api/plans/" + PHU_KHUONG + "/issue"), "{}", auth(TestTokens.coordinator(PHU_KHUONG))).status())
                .isEqualTo(200);
        assertThat(Http.postJson(url("/api/plans/" + PHU_KHUONG + "/issue"), "{}", auth(TestTokens.provinceAdmin("vinh-long"))).status())
                .isEqualTo(200);
        assertThat(ScopedItemsApp.ITEMS).hasSize(4);
    }

    String[] auth(String token) {
        return new String[] {"Authorization", TestTokens.bearer(token)};
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static void assertUnauthorized(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").doesNotContain("<html");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    static void assertForbidden(Http.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":403").doesNotContain("<html");
    }
}
