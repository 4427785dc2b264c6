package vn.cchc.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For scripts and tests (demo issuer only): username and password in, a short-lived bearer token out, no refresh
 * token. Failed attempts count towards the lock-out of the username and of the address ({@link SignInGuard}).
 * Browsers use the OAuth2 code flow.
 */
@RestController
@ConditionalOnProperty(name = "cchc.auth.demo", havingValue = "true")
public class TokenController {
    private final AccountDirectory accounts;
    private final TokenIssuer issuer;
    private final SignInGuard guard;

    public TokenController(AccountDirectory accounts, TokenIssuer issuer, SignInGuard guard) {
        this.accounts = accounts;
        this.issuer = issuer;
        this.guard = guard;
    }

    public record Credentials(String username, String password) {
    }

    @PostMapping("/api/auth/token")
    public ResponseEntity<?> token(@RequestBody Credentials credentials, HttpServletRequest request) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Send {\"username\": ..., \"password\": ...}.");
            problem.setTitle("Invalid request");
            return ResponseEntity.badRequest().body(problem);
        }
        String address = request.getRemoteAddr();
        Optional<Duration> locked = guard.lockedFor(credentials.username(), address);
        if (locked.isPresent()) {
            guard.refusedWhileLocked(credentials.username(), address, "token");
            long seconds = SignInGuard.seconds(locked.get());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins; try again in " + seconds + " s.");
            problem.setTitle("Too Many Requests");
            problem.setType(java.net.URI.create(SignInLockoutFilter.LOCKED_TYPE));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds)).body(problem);
        }
        return accounts.authenticate(credentials.username(), credentials.password())
                .<ResponseEntity<?>>map(account -> {
                    guard.succeeded(account.username());
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", issuer.issue(account));
                    body.put("token_type", "Bearer");
                    body.put("expires_in", issuer.expiresInSeconds());
                    return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
                })
                .orElseGet(() -> {
                    guard.failed(credentials.username(), address, "token");
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            "Wrong username or password.");
                    problem.setTitle("Unauthorized");
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
                });
    }
}
