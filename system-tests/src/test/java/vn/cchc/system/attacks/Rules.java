package vn.cchc.system.attacks;

import java.util.Arrays;
import java.util.Objects;

/** The rules that turn an answer into a verdict, shared by every catalogue of attacks. */
final class Rules {
    private Rules() {
    }

    /**
     * The operation must be refused: 5xx is an ERROR, 2xx/3xx a LEAK, a 4xx naming any of {@code secrets} (another
     * unit's id, title, key) a LEAK, any other 4xx REFUSED. An id the caller sent in the address may be echoed.
     */
    static Outcome refused(Probe.Reply reply, String... secrets) {
        secrets = Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> reply.uri() == null || !reply.uri().contains(s))
                .toArray(String[]::new);
        if (reply.status() >= 500) {
            return Outcome.error("5xx: " + reply);
        }
        if (reply.status() < 400) {
            return Outcome.leaked("accepted: " + reply);
        }
        String secret = firstIn(reply, secrets);
        if (secret != null) {
            return Outcome.leaked("refused but names " + secret + ": " + reply);
        }
        return Outcome.refused(String.valueOf(reply.status()));
    }

    /** Like {@link #refused} and the answer must also be Problem Details (RFC 9457), never an HTML error page. */
    static Outcome refusedAsProblem(Probe.Reply reply, String... secrets) {
        Outcome outcome = refused(reply, secrets);
        if (outcome.passed() && !reply.isProblem()) {
            return Outcome.leaked("refused without Problem Details (" + reply.header("Content-Type") + "): " + reply);
        }
        return outcome;
    }

    /** A read the caller may make (a filtered list): any answer but 5xx passes unless it names one of the secrets. */
    static Outcome withoutSecrets(Probe.Reply reply, String... secrets) {
        if (reply.status() >= 500) {
            return Outcome.error("5xx: " + reply);
        }
        String secret = firstIn(reply, secrets);
        if (secret != null) {
            return Outcome.leaked("names " + secret + ": " + reply);
        }
        return Outcome.refused(reply.status() + ", nothing of the other unit");
    }

    /** Combines the answer's verdict with a check of the state afterwards: a change seen is a LEAK whatever the answer. */
    static Outcome unchanged(Outcome answer, Object before, Object after, String what) {
        if (!Objects.equals(before, after)) {
            return Outcome.leaked(what + " changed from " + before + " to " + after + " (answer: " + answer.why() + ")");
        }
        return answer;
    }

    static String firstIn(Probe.Reply reply, String... secrets) {
        if (reply.body() == null) {
            return null;
        }
        return Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> !s.isEmpty())
                .filter(reply.body()::contains).findFirst().orElse(null);
    }
}
