package vn.cchc.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production realm export gives tokens the claims the services read: {@code roles} and {@code units}. */
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
            assertThat(mapper.get("config").get("access.token.claim").asString()).isEqualTo("true");
            assertThat(mapper.get("config").get("multivalued").asString()).isEqualTo("true");
            claims.add(mapper.get("config").get("claim.name").asString());
        });
        assertThat(claims).containsExactlyInAnyOrder("roles", "units");
        REALM.get("clients").forEach(client ->
                assertThat(client.get("defaultClientScopes").toString()).contains("\"cchc\""));
    }

    @Test
    void theWebClientIsPublicWithPkceAndDemoUsersHaveUnits() {
        JsonNode web = REALM.get("clients").get(0);
        assertThat(web.get("clientId").asString()).isEqualTo("cchc-web");
        assertThat(web.get("publicClient").asBoolean()).isTrue();
        assertThat(web.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(REALM.get("users")).isNotEmpty();
        REALM.get("users").forEach(user -> {
            assertThat(user.get("attributes").get("units")).isNotEmpty();
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isTrue();
        });
    }
}
