package vn.cchc.system.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cchc.system.LocalStack;

/**
 * Issue 14's attack suite against the running local stack: forged tokens of every kind, cross-unit reads, writes and
 * links through the gateway and straight to each service, role abuse, cross-commune evidence, client keys of another
 * unit, bad input, feed addresses inside the platform's network, one user flooding live streams, sign-in guessing,
 * management endpoints on the public port, and forged and malformed events on every topic. Each attack is an
 * {@link Attack} (kind, route, request, rule); one dynamic test each, then a table of kind × tried / refused / leaked /
 * 5xx / hang (also written to {@code target/attack-report.txt}), and a last test that fails listing every attack that
 * leaked, answered 5xx or hung.
 * <p>
 * The data attacked is the suite's own (a commune {@value Victim#UNIT} added under Lai Châu, with its plan, tasks,
 * publication, feed and calendar subscription); the attackers are Lai Châu's Văn phòng UBND accounts, and sign-in
 * guessing uses usernames that do not exist, sent from other loopback addresses, so the other system tests sharing the
 * stack are not disturbed. Run alone: {@code ./mvnw -B -Psystem -pl system-tests -am verify -Dit.test=AttackSuiteIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(LocalStack.Started.class)
class AttackSuiteIT {
    private final List<AttackTable.Result> results = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> attacks() throws Exception {
        Victim victim = Victim.create();
        ForgedTokens forged = ForgedTokens.load();
        List<Attack> attacks = new ArrayList<>();
        attacks.addAll(TokenAttacks.all(forged));
        attacks.addAll(RoleAttacks.all(victim));
        attacks.addAll(CrossUnitAttacks.all(victim));
        attacks.addAll(EvidenceAndKeyAttacks.all(victim));
        attacks.addAll(BadInputAttacks.all());
        attacks.addAll(SsrfAttacks.all());
        attacks.addAll(LimitAttacks.all());
        attacks.addAll(EventAttacks.all(victim));
        assertThat(attacks).as("issue 14 asks for at least 80 attacks").hasSizeGreaterThanOrEqualTo(80);

        Stream<DynamicTest> each = attacks.stream().map(attack -> DynamicTest.dynamicTest(attack.toString(), () -> {
            Outcome outcome = attack.run();
            results.add(new AttackTable.Result(attack, outcome));
            assertThat(outcome.verdict()).as("%s%n  %s%n  rule: %s%n  → %s", attack, attack.request(), attack.rule(), outcome.why())
                    .isEqualTo(Verdict.REFUSED);
        }));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("summary: 0 leaks, 0 5xx, 0 hangs", this::summary)));
    }

    private void summary() throws IOException {
        String table = AttackTable.render(results);
        String failures = AttackTable.failures(results);
        String report = "Attack suite (issue 14) against " + LocalStack.GATEWAY + "\n\n" + table
                + (failures.isEmpty() ? "\nEvery attack was refused.\n" : "\nNot refused:\n" + failures + "\n");
        System.out.println(report);
        Path file = LocalStack.HOME.resolveSibling("attack-report.txt");
        Files.writeString(file, report + "\nEvery attack:\n" + AttackTable.listing(results) + "\n", StandardCharsets.UTF_8);
        assertThat(failures).as("attacks that leaked, answered 5xx or hung (table in %s):%n%s", file, table).isEmpty();
    }
}
