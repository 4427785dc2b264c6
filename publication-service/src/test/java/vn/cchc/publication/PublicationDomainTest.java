package vn.cchc.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.cchc.platform.web.ConflictException;

/** Plain tests of the record's domain rules: link identity, plain text, revisions, history and events. */
class PublicationDomainTest {
    static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    static RecordPublicationRequest article(String title, String url) {
        return RecordPublicationRequest.of("vinh-long.phu-khuong", Channel.WEBSITE, Kind.ARTICLE, title, url,
                OffsetDateTime.parse("2026-03-02T08:00:00+07:00"), null).sanitized();
    }

    @Test
    void linksThatDifferOnlyInFormAreTheSameItem() {
        assertThat(UrlKey.normalize("https://WWW.PhuKhuong.gov.vn:443/tin/1/?utm_source=fb&id=3#top"))
                .isEqualTo(UrlKey.normalize("http://phukhuong.gov.vn/tin/1?id=3"))
                .isEqualTo("phukhuong.gov.vn/tin/1?id=3");
        assertThat(UrlKey.normalize("https://pk.gov.vn/tin/1")).isNotEqualTo(UrlKey.normalize("https://pk.gov.vn/tin/2"));
        assertThat(UrlKey.normalize("https://pk.gov.vn:8443/a")).isEqualTo("pk.gov.vn:8443/a");
    }

    @Test
    void htmlBecomesPlainText() {
        assertThat(PlainText.of("<h1>Tin</h1><script>alert(1)</script><p>CCHC &amp; DVC</p>")).isEqualTo("Tin CCHC & DVC");
        assertThat(PlainText.of("a < b")).isEqualTo("a < b");
        assertThat(PlainText.of("<img src=x onerror=alert(1)>")).isNull();
        assertThat(PlainText.shortened("<p>" + "x".repeat(20) + "</p>", 10)).hasSize(10).endsWith("…");
    }

    @Test
    void eachChangeRaisesTheRevisionKeepsThePreviousStateAndQueuesItsEvent() {
        Publication p = new Publication("p-1", article("Tin", "https://pk.vn/1"), Publication.Source.MANUAL, T0, "editor");
        assertThat(p.getRevision()).isEqualTo(1);
        assertThat(p.getUrlKey()).isEqualTo("vinh-long.phu-khuong|WEBSITE|pk.vn/1");
        assertThat(p.getRequestKey()).isEqualTo("id:p-1");

        Publication.Changed corrected = p.correct(article("Tin (sửa)", "https://pk.vn/1"), T0.plusSeconds(60), "editor");
        assertThat(corrected.event().type()).isEqualTo(PublicationEvents.CORRECTED);
        assertThat(corrected.event().data()).containsEntry("revision", 2L).containsEntry("title", "Tin (sửa)");
        assertThat(corrected.previous().revision()).isEqualTo(1);
        assertThat(corrected.previous().state()).containsEntry("title", "Tin");

        Publication.Changed retracted = p.retract("Trùng tin", T0.plusSeconds(120), "editor");
        assertThat(retracted.event().type()).isEqualTo(PublicationEvents.RETRACTED);
        assertThat(retracted.event().data()).containsEntry("retracted", true).containsEntry("retractionReason", "Trùng tin");
        assertThat(p.getHistory()).extracting(Publication.PastVersion::change)
                .containsExactly(Publication.Change.RECORDED, Publication.Change.CORRECTED);
        assertThat(p.pendingEvents()).hasSize(3);
        assertThatThrownBy(() -> p.correct(article("Tin", "https://pk.vn/1"), T0, "editor")).isInstanceOf(ConflictException.class);
    }

    @Test
    void itemsWithoutALinkHaveAnIdentityOfTheirOwnAndAClientKeyIsKept() {
        RecordPublicationRequest broadcast = RecordPublicationRequest.of("vinh-long.phu-khuong", Channel.RADIO, Kind.BROADCAST,
                "Bản tin", null, OffsetDateTime.parse("2026-03-02T20:00:00+07:00"), 600).withClientRequestId("k-1").sanitized();
        Publication p = new Publication("p-2", broadcast, Publication.Source.IMPORT, T0, "editor");
        assertThat(p.getUrlKey()).isEqualTo("id:p-2");
        assertThat(p.getRequestKey()).isEqualTo("client:vinh-long.phu-khuong|k-1"); // scoped per unit
    }
}
