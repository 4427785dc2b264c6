package vn.cchc.plan.units;

/**
 * The publication channels a unit may operate and a plan may target or name (the same names as in every event
 * contract): the unit's own (website, radio, Zalo OA, Facebook, YouTube, boards, print, on site) and those a plan
 * names beyond them (provincial portal, national public-service portal, television, press, loudspeakers, banners,
 * leaflets, meetings where CCHC is put on the agenda).
 */
public enum Channel {
    WEBSITE, PROVINCIAL_PORTAL, RADIO, ZALO_OA, FACEBOOK, YOUTUBE, ELECTRONIC_BOARD, PRINT, ON_SITE,
    NATIONAL_PUBLIC_SERVICE_PORTAL, TELEVISION, PRESS, LOUDSPEAKER, BANNER, LEAFLET, MEETING
}
