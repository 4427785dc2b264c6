package vn.cchc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CurrentUserTest {
    static final String PHU_KHUONG = "vinh-long.phu-khuong";

    @Test
    void scopesAreSubtreesOnWholeSegments() {
        assertThat(UnitScope.within("vinh-long.phu-khuong.vhxh", PHU_KHUONG)).isTrue();
        assertThat(UnitScope.within(PHU_KHUONG, PHU_KHUONG)).isTrue();
        assertThat(UnitScope.within("vinh-long.phu-khuong-2", PHU_KHUONG)).isFalse();
        assertThat(UnitScope.within("vinh-long", PHU_KHUONG)).isFalse();
        assertThat(UnitScope.within("vinh-long", "")).isFalse();
    }

    @Test
    void editorRecordsPublicationsOnlyInItsUnits() {
        CurrentUser editor = new CurrentUser("ed", Set.of(Role.EDITOR), List.of(PHU_KHUONG));
        assertThat(editor.canWrite(PHU_KHUONG + ".ttdvth", Action.RECORD_PUBLICATIONS)).isTrue();
        assertThat(editor.canWrite("hai-phong.tien-minh", Action.RECORD_PUBLICATIONS)).isFalse();
        assertThat(editor.canWrite(PHU_KHUONG, Action.MANAGE_PLANS_AND_TASKS)).isFalse();
        assertThat(editor.canRead(PHU_KHUONG + ".x")).isTrue();
        assertThat(editor.canRead("hai-phong")).isFalse();
    }

    @Test
    void coordinatorManagesItsCommuneAndAdminItsProvince() {
        CurrentUser coordinator = new CurrentUser("c", Set.of(Role.COORDINATOR), List.of(PHU_KHUONG));
        assertThat(coordinator.canWrite(PHU_KHUONG, Action.MANAGE_PLANS_AND_TASKS)).isTrue();
        assertThat(coordinator.canWrite(PHU_KHUONG, Action.RECORD_PUBLICATIONS)).isTrue();
        assertThat(coordinator.canWrite("vinh-long", Action.MANAGE_PLANS_AND_TASKS)).isFalse();
        assertThat(coordinator.canWrite(PHU_KHUONG, Action.MANAGE_UNITS)).isFalse();

        CurrentUser admin = new CurrentUser("a", Set.of(Role.PROVINCE_ADMIN), List.of("vinh-long"));
        assertThat(admin.canWrite(PHU_KHUONG, Action.MANAGE_UNITS)).isTrue();
        assertThat(admin.canWrite("lam-dong.bac-binh", Action.MANAGE_PLANS_AND_TASKS)).isFalse();
    }

    @Test
    void viewerAndOpsNeverWriteAndOpsReadsNothing() {
        CurrentUser viewer = new CurrentUser("v", Set.of(Role.VIEWER), List.of("vinh-long", "hai-phong"));
        for (Action action : Action.values()) {
            assertThat(viewer.canWrite(PHU_KHUONG, action)).isFalse();
        }
        assertThat(viewer.readableScopes()).containsExactly("vinh-long", "hai-phong");
        assertThat(viewer.canRead("hai-phong.tien-minh")).isTrue();

        CurrentUser ops = new CurrentUser("o", Set.of(Role.OPS), List.of("vinh-long"));
        assertThat(ops.readableScopes()).isEmpty();
        assertThat(ops.canRead(PHU_KHUONG)).isFalse();
        assertThat(ops.canWrite(PHU_KHUONG, Action.RECORD_PUBLICATIONS)).isFalse();
    }

    @Test
    void requireWriteThrowsA403Problem() {
        CurrentUser editor = new CurrentUser("ed", Set.of(Role.EDITOR), List.of(PHU_KHUONG));
        assertThatCode(() -> editor.requireWrite(PHU_KHUONG, Action.RECORD_PUBLICATIONS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> editor.requireWrite("hai-phong.tien-minh", Action.RECORD_PUBLICATIONS))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.getBody().getDetail()).contains("hai-phong.tien-minh");
                });
        assertThatThrownBy(() -> editor.requireWrite(PHU_KHUONG, Action.MANAGE_PLANS_AND_TASKS))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MANAGE_PLANS_AND_TASKS");
    }

    @Test
    void requireRoleChecksRolesOnly() {
        CurrentUser admin = new CurrentUser("a", Set.of(Role.PROVINCE_ADMIN), List.of("vinh-long"));
        assertThatCode(() -> admin.requireRole(Role.PROVINCE_ADMIN)).doesNotThrowAnyException();
        CurrentUser coordinator = new CurrentUser("c", Set.of(Role.COORDINATOR), List.of(PHU_KHUONG));
        assertThatThrownBy(() -> coordinator.requireRole(Role.PROVINCE_ADMIN, Role.OPS))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("PROVINCE_ADMIN");
    }

    @Test
    void claimsMayBeListsOrAStringAndUnknownRolesAreIgnored() {
        assertThat(CurrentUser.strings(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(CurrentUser.strings("vinh-long hai-phong")).containsExactly("vinh-long", "hai-phong");
        assertThat(CurrentUser.strings(null)).isEmpty();
        var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("s").claim("roles", List.of("EDITOR", "offline_access")).claim("units", PHU_KHUONG).build();
        CurrentUser user = CurrentUser.fromJwt(jwt);
        assertThat(user.username()).isEqualTo("s");
        assertThat(user.roles()).containsExactly(Role.EDITOR);
        assertThat(user.scopes()).containsExactly(PHU_KHUONG);
    }
}
