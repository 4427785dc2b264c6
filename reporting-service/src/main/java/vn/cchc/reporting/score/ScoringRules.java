package vn.cchc.reporting.score;

import java.util.List;

/**
 * A province's scoring of the communication criterion of the PAR Index.
 *
 * @param completionPoints  points at 100 % of planned items done
 * @param completionFloor   below this share of items done, no completion points; between it and 100 %, done/planned × points
 * @param channelGroups     points for using at least one channel or kind of each group
 */
public record ScoringRules(double completionPoints, double completionFloor, List<ChannelGroup> channelGroups) {

    /** @param label Vietnamese name shown in the explanation */
    public record ChannelGroup(String id, String label, double points, List<String> channels, List<String> kinds) {
        public ChannelGroup {
            channels = channels == null ? List.of() : channels;
            kinds = kinds == null ? List.of() : kinds;
        }

        /** Whether an item earns this group's points: its channel or its kind is one of the group's. */
        public boolean counts(vn.cchc.reporting.compliance.Item item) {
            return channels.contains(item.channel()) || kinds.contains(item.kind());
        }
    }

    /** The published commune-level scheme (2 points in all), see DOMAIN.md. */
    public static ScoringRules communeDefault() {
        return new ScoringRules(1.0, 0.9, List.of(
                new ChannelGroup("ELECTRONIC_BOARD", "Bảng điện tử, màn hình", 0.25, List.of("ELECTRONIC_BOARD"), List.of()),
                new ChannelGroup("ONLINE", "Trang thông tin điện tử, mạng xã hội", 0.25,
                        List.of("WEBSITE", "PROVINCIAL_PORTAL", "NATIONAL_PUBLIC_SERVICE_PORTAL", "ZALO_OA", "FACEBOOK", "YOUTUBE"),
                        List.of()),
                new ChannelGroup("TRADITIONAL", "Hình thức truyền thống (hội nghị, tờ rơi, pa-nô, truyền thanh…)", 0.5,
                        List.of("ON_SITE", "PRINT", "RADIO", "LOUDSPEAKER", "BANNER", "LEAFLET", "MEETING", "TELEVISION", "PRESS"),
                        List.of("LEAFLET", "BANNER", "DIALOGUE"))));
    }

    public double max() {
        return completionPoints + channelGroups.stream().mapToDouble(ChannelGroup::points).sum();
    }
}
