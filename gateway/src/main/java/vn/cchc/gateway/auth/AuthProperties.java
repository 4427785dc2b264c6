package vn.cchc.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cchc.auth.*}: the local issuer's key directory, token lifetime, web client and demo accounts. */
@ConfigurationProperties("cchc.auth")
public class AuthProperties {
    /** Where the signing key is kept so tokens survive a restart (the local stack passes its data dir). */
    private Path keyDir = Path.of(System.getProperty("java.io.tmpdir"), "cchc-gateway");
    /** The {@code iss} of issued tokens; empty = this gateway's own base URL as the request saw it. */
    private String issuer = "";
    private Duration tokenTtl = Duration.ofHours(8);
    private WebClient webClient = new WebClient();
    private List<Account> accounts = new ArrayList<>();

    /** One demo account: a bcrypt hash ({@code {bcrypt}$2a$...}), roles and unit subtrees. */
    public record Account(String username, String displayName, String passwordHash, List<String> roles, List<String> units) {
        public Account {
            roles = roles == null ? List.of() : List.copyOf(roles);
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    /** The browser's public OAuth2 client (authorization code + PKCE, no secret). */
    public static class WebClient {
        private String clientId = "cchc-web";
        private List<String> redirectUris = new ArrayList<>(List.of("http://127.0.0.1:8080/ui/callback"));

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }
    }

    public Path getKeyDir() {
        return keyDir;
    }

    public void setKeyDir(Path keyDir) {
        this.keyDir = keyDir;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public Duration getTokenTtl() {
        return tokenTtl;
    }

    public void setTokenTtl(Duration tokenTtl) {
        this.tokenTtl = tokenTtl;
    }

    public WebClient getWebClient() {
        return webClient;
    }

    public void setWebClient(WebClient webClient) {
        this.webClient = webClient;
    }

    public List<Account> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<Account> accounts) {
        this.accounts = accounts;
    }
}
