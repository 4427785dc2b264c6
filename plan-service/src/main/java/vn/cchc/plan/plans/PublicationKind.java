package vn.cchc.plan.plans;

/** What counts towards a target (the same names as in the publication contracts). */
public enum PublicationKind {
    ARTICLE, PHOTO_STORY, REPORTAGE, VIDEO, AUDIO, INFOGRAPHIC, BROADCAST, SOCIAL_POST, BANNER, LEAFLET, DIALOGUE
}
