package vn.cchc.gateway.auth;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo accounts from configuration: login for the browser flow and for {@code POST /api/auth/token}. */
public class AccountDirectory implements UserDetailsService {
    // compared against when the user does not exist, so both cases cost one bcrypt check (no user enumeration by timing)
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$jRBC0t6bmqQUf10sg1RoiedqpdBa/cV0q2lTQXy27DFKub9vG5MpK";
    private final Map<String, AuthProperties.Account> accounts;
    private final PasswordEncoder passwords;

    public AccountDirectory(AuthProperties properties, PasswordEncoder passwords) {
        this.accounts = properties.getAccounts().stream()
                .collect(Collectors.toUnmodifiableMap(AuthProperties.Account::username, Function.identity()));
        this.passwords = passwords;
    }

    public Optional<AuthProperties.Account> find(String username) {
        return Optional.ofNullable(username).map(accounts::get);
    }

    /** The account when the password matches it. */
    public Optional<AuthProperties.Account> authenticate(String username, String password) {
        Optional<AuthProperties.Account> account = find(username);
        boolean matches = passwords.matches(password == null ? "" : password,
                account.map(AuthProperties.Account::passwordHash).orElse(DUMMY_HASH));
        return matches ? account : Optional.empty();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AuthProperties.Account account = find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                .build();
    }
}
