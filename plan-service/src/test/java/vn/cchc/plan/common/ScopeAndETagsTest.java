package vn.cchc.plan.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import vn.cchc.platform.web.ConflictException;
import vn.cchc.security.Action;
import vn.cchc.security.CurrentUser;
import vn.cchc.security.ForbiddenException;
import vn.cchc.security.Role;

class ScopeAndETagsTest {
    @Test
    void aCallerReadsItsUnitsAndEverythingBeneathOnWholeSegments() {
        Caller caller = Caller.of(new CurrentUser("dp", Set.of(Role.COORDINATOR), List.of("lam-dong.bac-binh", "vinh-long.phu-khuong")));

        assertThat(caller.canRead("lam-dong.bac-binh")).isTrue();
        assertThat(caller.canRead("lam-dong.bac-binh.ttdvth")).isTrue();
        assertThat(caller.canRead("lam-dong.bac-binh-2")).isFalse();
        assertThat(caller.canRead("lam-dong")).isFalse();
        assertThat(caller.readCriteria("issuingUnitId")).isNotNull();
        assertThat(caller.username()).isEqualTo("dp");
        assertThat(Caller.SYSTEM.canRead("hai-phong")).isTrue();
        assertThat(Caller.SYSTEM.readCriteria("issuingUnitId")).isNull();
        assertThat(Caller.SYSTEM.username()).isEqualTo("system");
    }

    @Test
    void writesNeedTheActionsRoleInsideTheCallersUnits() {
        Caller coordinator = Caller.of(new CurrentUser("dp", Set.of(Role.COORDINATOR), List.of("vinh-long.phu-khuong")));
        Caller editor = Caller.of(new CurrentUser("bt", Set.of(Role.EDITOR), List.of("vinh-long.phu-khuong")));
        Caller admin = Caller.of(new CurrentUser("qt", Set.of(Role.PROVINCE_ADMIN), List.of("vinh-long")));

        assertThatCode(() -> coordinator.requireWrite("vinh-long.phu-khuong", Action.MANAGE_PLANS_AND_TASKS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> coordinator.requireWrite("hai-phong.tien-minh", Action.MANAGE_PLANS_AND_TASKS))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> coordinator.requireWrite("vinh-long.phu-khuong.thon-1", Action.MANAGE_UNITS))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> editor.requireWrite("vinh-long.phu-khuong", Action.MANAGE_PLANS_AND_TASKS))
                .isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> admin.requireWrite("vinh-long.phu-khuong", Action.MANAGE_UNITS)).doesNotThrowAnyException();
        assertThatCode(() -> Caller.SYSTEM.requireWrite("hai-phong", Action.MANAGE_UNITS)).doesNotThrowAnyException();
        assertThat(Caller.of(new CurrentUser("ops", Set.of(Role.OPS), List.of("vinh-long"))).canRead("vinh-long")).isFalse();
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
