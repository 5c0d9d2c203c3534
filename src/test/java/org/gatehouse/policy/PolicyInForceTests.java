package org.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The policy in force is a setting: the default built-in policy, or the one named. */
class PolicyInForceTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void withoutASettingTheDefaultBuiltInPolicyApplies() {
        PolicyInForce policies = new PolicyInForce(Policies.builtIn(), null);

        assertThat(policies.on(TODAY).id()).isEqualTo("us-global-2026-draft");
        assertThat(new PolicyInForce(Policies.builtIn(), " ").on(TODAY).id()).isEqualTo("us-global-2026-draft");
    }

    @Test
    void theNamedPolicyAppliesAndIsListedFirst() {
        PolicyInForce policies = new PolicyInForce(Policies.builtIn(), "us-global-2026-draft-alt");

        assertThat(policies.on(TODAY).id()).isEqualTo("us-global-2026-draft-alt");
        assertThat(policies.all())
                .extracting(Policy::id)
                .containsExactly(
                        "us-global-2026-draft-alt", "us-global-2026-draft", "us-2025-current", "us-2025-ai-diffusion");
        assertThat(policies.find("us-2025-current")).isPresent();
    }

    @Test
    void anUnknownPolicyIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> new PolicyInForce(Policies.builtIn(), "us-2099"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no policy has the id 'us-2099'")
                .hasMessageContaining("us-2025-current");
    }
}
