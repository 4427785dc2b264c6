package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.FieldError;

class PublicationRulesTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);

    RecordPublicationRequest article(String url, OffsetDateTime at) {
        return RecordPublicationRequest.of("vinh-long.phu-khuong", Channel.WEBSITE, Kind.ARTICLE, "Tin", url, at, null);
    }

    @Test
    void acceptsAnItemPublishedWithinTheClockTolerance() {
        OffsetDateTime fiveMinutesAhead = OffsetDateTime.parse("2026-03-02T10:05:00+07:00");
        assertThat(PublicationRules.check(article("https://a.vn/1", fiveMinutesAhead), clock)).isEmpty();
    }

    @Test
    void rejectsAnItemPublishedTomorrow() {
        OffsetDateTime tomorrow = OffsetDateTime.parse("2026-03-03T10:00:00+07:00");
        assertThat(PublicationRules.check(article("https://a.vn/1", tomorrow), clock))
                .extracting(FieldError::field).containsExactly("publishedAt");
    }

    @Test
    void onlyHttpLinksWithAHostAreValid() {
        assertThat(PublicationRules.isHttpUrl("https://phukhuong.vinhlong.gov.vn/a")).isTrue();
        assertThat(PublicationRules.isHttpUrl("ftp://a.vn/x")).isFalse();
        assertThat(PublicationRules.isHttpUrl("https:///nohost")).isFalse();
        assertThat(PublicationRules.isHttpUrl("not a url")).isFalse();
    }

    @Test
    void theNationalPortalIsOnlineTheOtherNewChannelsNeedNoLink() {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-02T08:00:00+07:00");
        assertThat(PublicationRules.check(RecordPublicationRequest.of("u.v", Channel.NATIONAL_PUBLIC_SERVICE_PORTAL, Kind.ARTICLE,
                "Hướng dẫn nộp hồ sơ", null, at, null), clock)).extracting(FieldError::rule).containsExactly("required");
        for (Channel channel : java.util.List.of(Channel.TELEVISION, Channel.PRESS, Channel.LOUDSPEAKER, Channel.BANNER,
                Channel.LEAFLET, Channel.MEETING)) {
            assertThat(PublicationRules.check(RecordPublicationRequest.of("u.v", channel, Kind.ARTICLE, "Tin", null, at, null), clock))
                    .as(channel.name()).isEmpty();
        }
        assertThat(Channel.LOUDSPEAKER.operatedThrough()).containsExactly("LOUDSPEAKER", "RADIO");
        assertThat(Channel.TELEVISION.needsOperator()).isFalse();
        assertThat(Channel.LOUDSPEAKER.needsOperator()).isTrue();
    }
}
