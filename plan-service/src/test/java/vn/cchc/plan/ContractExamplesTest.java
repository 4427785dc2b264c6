package vn.cchc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cchc.platform.test.ContractSchemas;

/** The examples published beside the schemas (which consumers feed to their tests) are themselves valid. */
class ContractExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"vn.cchc.unit.changed.v1", "vn.cchc.plan.issued.v1", "vn.cchc.plan.amended.v1", "vn.cchc.plan.closed.v1"})
    void exampleIsValid(String type) {
        assertThat(ContractSchemas.validate(type, ContractSchemas.example(type))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vn.cchc.plan.issued.v1", "vn.cchc.plan.amended.v1", "vn.cchc.plan.closed.v1"})
    void aTargetWithAZeroMinimumBreaksTheContract(String type) {
        String broken = ContractSchemas.example(type).replaceFirst("\"minimum\": \\d+", "\"minimum\": 0");
        assertThat(ContractSchemas.validate(type, broken)).isNotEmpty();
    }
}
