package vn.cchc.plan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import vn.cchc.platform.web.ConflictException;

class ScopeAndETagsTest {
    @Test
    void aScopeCoversItsUnitsAndEverythingBeneathOnWholeSegments() {
        UnitScope scope = UnitScope.fromHeader(" lam-dong.bac-binh , vinh-long.phu-khuong");

        assertThat(scope.allows("lam-dong.bac-binh")).isTrue();
        assertThat(scope.allows("lam-dong.bac-binh.ttdvth")).isTrue();
        assertThat(scope.allows("lam-dong.bac-binh-2")).isFalse();
        assertThat(scope.allows("lam-dong")).isFalse();
        assertThat(UnitScope.fromHeader(null).allows("hai-phong")).isTrue();
        assertThat(UnitScope.fromHeader("").unrestricted()).isTrue();
        assertThat(UnitScope.ALL.criteria("issuingUnitId")).isNull();
    }

    @Test
    void ifMatchAcceptsTheCurrentETagInItsUsualSpellings() {
        assertThatCode(() -> ETags.check("\"3\"", 3L, true)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("W/\"3\"", 3L, true)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check("*", 3L, true)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.check(null, 3L, false)).doesNotThrowAnyException();
        assertThat(ETags.of(null)).isEqualTo("\"0\"");
    }

    @Test
    void aStaleIfMatchIs412AndAMissingRequiredOneIs428() {
        assertThatThrownBy(() -> ETags.check("\"2\"", 3L, false)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.preconditionFailed()).isTrue());
        assertThatThrownBy(() -> ETags.check(" ", 3L, true)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }
}
