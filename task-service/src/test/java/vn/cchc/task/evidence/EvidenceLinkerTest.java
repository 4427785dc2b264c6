package vn.cchc.task.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceLinkerTest {
    @Test
    void aPublicationCountsForItsUnitAndEveryUnitAboveIt() {
        assertThat(EvidenceLinker.selfAndAncestors("lam-dong.bac-binh.dai-truyen-thanh"))
                .containsExactly("lam-dong", "lam-dong.bac-binh", "lam-dong.bac-binh.dai-truyen-thanh");
        assertThat(EvidenceLinker.selfAndAncestors("lam-dong")).containsExactly("lam-dong");
    }
}
