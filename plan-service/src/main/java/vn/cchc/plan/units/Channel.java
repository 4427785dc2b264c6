package vn.cchc.plan.units;

/** The publication channels a unit may operate and a plan may target (the same names as in every event contract). */
public enum Channel {
    WEBSITE, PROVINCIAL_PORTAL, RADIO, ZALO_OA, FACEBOOK, YOUTUBE, ELECTRONIC_BOARD, PRINT, ON_SITE
}
