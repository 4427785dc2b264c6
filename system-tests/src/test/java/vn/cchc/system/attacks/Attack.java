package vn.cchc.system.attacks;

/**
 * One attack: what it is, where it goes, the request in words, the rule that decides, and the probe that runs it and
 * applies the rule. A probe that throws {@link Probe.NoAnswer} is a HANG, any other exception an ERROR.
 */
record Attack(String name, Kind kind, Route route, String request, String rule, Check check) {

    @FunctionalInterface
    interface Check {
        Outcome run() throws Exception;
    }

    Outcome run() {
        try {
            return check.run();
        } catch (Probe.NoAnswer e) {
            return Outcome.hang(e.getMessage());
        } catch (Exception | AssertionError e) {
            return Outcome.error("probe failed: " + e);
        }
    }

    @Override
    public String toString() {
        return "[" + kind + "/" + route + "] " + name;
    }
}
