package vn.cchc.reporting.compliance;

import java.time.LocalDate;

/** A counted publication as the calculator sees it: who, where, what, which Vietnam-time day. */
public record Item(String unitId, String channel, String kind, LocalDate date) {
}
