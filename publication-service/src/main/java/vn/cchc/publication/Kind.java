package vn.cchc.publication;

/** What was published. */
public enum Kind {
    ARTICLE, PHOTO_STORY, REPORTAGE, VIDEO, AUDIO, INFOGRAPHIC, BROADCAST, SOCIAL_POST, BANNER, LEAFLET, DIALOGUE
}
