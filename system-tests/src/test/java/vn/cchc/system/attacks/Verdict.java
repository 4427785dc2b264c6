package vn.cchc.system.attacks;

/** How an attack ended: only REFUSED is a pass. */
enum Verdict {
    /** 4xx (or an allowed answer) and nothing leaked or changed. */
    REFUSED,
    /** 2xx on a cross-unit operation, another unit's data or id in the answer, or a state change observed. */
    LEAKED,
    /** 5xx, or the probe itself broke. */
    ERROR,
    /** No answer within the probe's deadline (10 s per request), or a consumer that did not get past the event. */
    HANG
}
