package vn.cchc.system.attacks;

/** The verdict of one attack and why, in a few words (the status seen, what leaked). */
record Outcome(Verdict verdict, String why) {
    static Outcome refused(String why) {
        return new Outcome(Verdict.REFUSED, why);
    }

    static Outcome leaked(String why) {
        return new Outcome(Verdict.LEAKED, why);
    }

    static Outcome error(String why) {
        return new Outcome(Verdict.ERROR, why);
    }

    static Outcome hang(String why) {
        return new Outcome(Verdict.HANG, why);
    }

    boolean passed() {
        return verdict == Verdict.REFUSED;
    }
}
