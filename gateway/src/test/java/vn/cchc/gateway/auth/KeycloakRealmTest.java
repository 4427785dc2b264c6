package vn.cchc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm export gives access tokens the claims the services read ({@code roles}, {@code units}) and the
 * API audience, and ships no user.
 */
class KeycloakRealmTest {
    static final JsonNode REALM = JsonMapper.builder().build().readTree(Path.of("../deploy/keycloak/cchc-realm.json").toFile());

    @Test
    void realmHasTheFiveRoles() {
        List<String> roles = new ArrayList<>();
        REALM.get("roles").get("realm").forEach(role -> roles.add(role.get("name").asString()));
        assertThat(roles).containsExactlyInAnyOrder("PROVINCE_ADMIN", "COORDINATOR", "EDITOR", "VIEWER", "OPS");
    }

    @Test
    void theCchcScopeMapsRealmRolesAndTheUnitsAttributeIntoTheAccessToken() {
        JsonNode scope = REALM.get("clientScopes").get(0);
        assertThat(scope.get("name").asString()).isEqualTo("cchc");
        List<String> claims = new ArrayList<>();
        scope.get("protocolMappers").forEach(mapper -> {
            if (mapper.get("protocolMapper").asString().equals("oidc-audience-mapper")) {
                return;
            }
            assertThat(mapper.get("config").get("access.token.claim").asString()).isEqualTo("true");
            assertThat(mapper.get("config").get("multivalued").asString()).isEqualTo("true");
            claims.add(mapper.get("config").get("claim.name").asString());
        });
        assertThat(claims).containsExactlyInAnyOrder("roles", "units");
        REALM.get("clients").forEach(client ->
                assertThat(client.get("defaultClientScopes").toString()).contains("\"cchc\""));
    }

    /** Services accept only tokens whose aud names the API (cchc.security.audience, default cchc-api); ID tokens never do. */
    @Test
    void accessTokensButNotIdTokensCarryTheApiAudience() {
        List<JsonNode> audience = new ArrayList<>();
        REALM.get("clientScopes").get(0).get("protocolMappers").forEach(mapper -> {
            if (mapper.get("protocolMapper").asString().equals("oidc-audience-mapper")) {
                audience.add(mapper.get("config"));
            }
        });
        assertThat(audience).hasSize(1);
        assertThat(audience.getFirst().get("included.custom.audience").asString()).isEqualTo("cchc-api");
        assertThat(audience.getFirst().get("access.token.claim").asString()).isEqualTo("true");
        assertThat(audience.getFirst().get("id.token.claim").asString()).isEqualTo("false");
    }

    @Test
    void theWebClientIsPublicWithPkceAndTheRealmHoldsNoUsers() {
        JsonNode web = REALM.get("clients").get(0);
        assertThat(web.get("clientId").asString()).isEqualTo("cchc-web");
        assertThat(web.get("publicClient").asBoolean()).isTrue();
        assertThat(web.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        // accounts are created in the IdP by the province's administrators, never shipped with a known password
        assertThat(REALM.has("users")).isFalse();
        assertThat(REALM.toString()).doesNotContain("\"credentials\"", "DoiMatKhau");
    }

    @Test
    void shortAccessTokensAndRotatedRefreshTokensWithBruteForceProtection() {
        assertThat(REALM.get("accessTokenLifespan").asInt()).isLessThanOrEqualTo(600);
        assertThat(REALM.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(REALM.get("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(REALM.get("bruteForceProtected").asBoolean()).isTrue();
    }
}
