package vn.cchc.gateway.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cchc.auth.*}: the built-in (demo) issuer: on/off, its fixed issuer URL, signing key set, token lifetimes,
 * web client, demo accounts and sign-in limits.
 */
@ConfigurationProperties("cchc.auth")
public class AuthProperties {
    /** The built-in issuer with the demo accounts: only in the local stack (Spring profile {@code demo}). */
    private boolean demo;
    /** The signing key set: one JWK file per key ({@code *.json}); a mounted Secret in Kubernetes. */
    private Path keyDir = Path.of(System.getProperty("java.io.tmpdir"), "cchc-gateway");
    /** The {@code kid} that signs; may be empty when the directory holds one key. */
    private String activeKeyId = "";
    /** Generate a key when the directory holds none (local stack); otherwise an empty directory stops the start. */
    private boolean generateKey;
    /** The {@code iss} of issued tokens, fixed (never taken from the request's Host header). */
    private String issuer = "";
    /** Access tokens (browser and {@code POST /api/auth/token}): short, the browser refreshes them. */
    private Duration accessTokenTtl = Duration.ofMinutes(10);
    /** Refresh tokens of the browser (rotated on each use): the longest a browser stays signed in without a password. */
    private Duration refreshTokenTtl = Duration.ofHours(8);
    private SignIn signIn = new SignIn();
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

    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    public Duration getRefreshTokenTtl() {
        return refreshTokenTtl;
    }

    public void setRefreshTokenTtl(Duration refreshTokenTtl) {
        this.refreshTokenTtl = refreshTokenTtl;
    }

    public boolean isDemo() {
        return demo;
    }

    public void setDemo(boolean demo) {
        this.demo = demo;
    }

    public String getActiveKeyId() {
        return activeKeyId;
    }

    public void setActiveKeyId(String activeKeyId) {
        this.activeKeyId = activeKeyId;
    }

    public boolean isGenerateKey() {
        return generateKey;
    }

    public void setGenerateKey(boolean generateKey) {
        this.generateKey = generateKey;
    }

    public SignIn getSignIn() {
        return signIn;
    }

    public void setSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * Lock-out after consecutive failed sign-ins, per username and per client address: at the threshold the key is
     * locked for {@code lockout}, each further failure doubles it, up to {@code maxLockout}; a success clears the
     * username's count; an address's count is forgotten {@code forgetAfter} after its last failure.
     */
    public static class SignIn {
        private int maxFailuresPerUser = 5;
        /** Higher than per user: a commune office signs in from one address. */
        private int maxFailuresPerAddress = 20;
        private Duration lockout = Duration.ofSeconds(30);
        private Duration maxLockout = Duration.ofMinutes(15);
        private Duration forgetAfter = Duration.ofMinutes(30);

        public int getMaxFailuresPerUser() {
            return maxFailuresPerUser;
        }

        public void setMaxFailuresPerUser(int maxFailuresPerUser) {
            this.maxFailuresPerUser = maxFailuresPerUser;
        }

        public int getMaxFailuresPerAddress() {
            return maxFailuresPerAddress;
        }

        public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
            this.maxFailuresPerAddress = maxFailuresPerAddress;
        }

        public Duration getLockout() {
            return lockout;
        }

        public void setLockout(Duration lockout) {
            this.lockout = lockout;
        }

        public Duration getMaxLockout() {
            return maxLockout;
        }

        public void setMaxLockout(Duration maxLockout) {
            this.maxLockout = maxLockout;
        }

        public Duration getForgetAfter() {
            return forgetAfter;
        }

        public void setForgetAfter(Duration forgetAfter) {
            this.forgetAfter = forgetAfter;
        }
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
