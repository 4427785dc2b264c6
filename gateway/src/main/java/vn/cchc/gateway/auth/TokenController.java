package vn.cchc.gateway.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** For scripts and tests: username and password in, a bearer token out. Browsers use the OAuth2 code flow. */
@RestController
@ConditionalOnProperty(name = "cchc.auth.local-issuer.enabled", havingValue = "true", matchIfMissing = true)
public class TokenController {
    private final AccountDirectory accounts;
    private final TokenIssuer issuer;
    private final AuthProperties properties;

    public TokenController(AccountDirectory accounts, TokenIssuer issuer, AuthProperties properties) {
        this.accounts = accounts;
        this.issuer = issuer;
        this.properties = properties;
    }

    public record Credentials(String username, String password) {
    }

    @PostMapping("/api/auth/token")
    public ResponseEntity<?> token(@RequestBody Credentials credentials) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Send {\"username\": ..., \"password\": ...}.");
            problem.setTitle("Invalid request");
            return ResponseEntity.badRequest().body(problem);
        }
        return accounts.authenticate(credentials.username(), credentials.password())
                .<ResponseEntity<?>>map(account -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", issuer.issue(account, issuerUrl()));
                    body.put("token_type", "Bearer");
                    body.put("expires_in", issuer.expiresInSeconds());
                    return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
                })
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "Wrong username or password.");
                    problem.setTitle("Unauthorized");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
                });
    }

    private String issuerUrl() {
        return properties.getIssuer().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : properties.getIssuer();
    }
}
