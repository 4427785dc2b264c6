package vn.cchc.system.attacks;

/** The kinds of attack of issue 14, one row each in the final table. */
enum Kind {
    FORGED_TOKEN,
    CROSS_UNIT_READ,
    CROSS_UNIT_WRITE,
    ROLE_ABUSE,
    CROSS_UNIT_EVIDENCE,
    IDEMPOTENCY_KEY,
    BAD_INPUT,
    SSRF_FEED,
    STREAM_FLOOD,
    SIGN_IN_BRUTE_FORCE,
    MANAGEMENT_PORT,
    FORGED_EVENT
}
