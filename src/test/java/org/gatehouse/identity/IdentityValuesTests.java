package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.gatehouse.trade.OrganizationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityValuesTests {

    @Test
    void usernamesAreLowerCasedAndLimitedToASafeAlphabet() {
        assertThat(Username.of("Dana.Whitfield_2").value()).isEqualTo("dana.whitfield_2");
        assertThat(Username.of("abc").value()).isEqualTo("abc");
        assertThat(Username.of("a".repeat(64)).value()).hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "with space", "semi;colon", "ümlaut", "tab\tbed", "slash/ed"})
    void usernamesOutsideTheRulesAreRefused(String text) {
        assertThatThrownBy(() -> Username.of(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 3..64 characters of a-z, 0-9, '.', '_' or '-'");
    }

    @Test
    void aUsernameOf65CharactersIsRefusedAndAMissingOneIsRequired() {
        assertThatThrownBy(() -> Username.of("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Username.of(null)).hasMessage("is required");
    }

    @Test
    void passwordsNeedTwelveCharactersAndFitInBcryptsSeventyTwoBytes() {
        assertThat(new Password("twelve chars").value()).hasSize(12);
        assertThatThrownBy(() -> new Password("eleven char")).hasMessage("must be at least 12 characters");
        assertThat(new Password("x".repeat(72)).value()).hasSize(72);
        assertThatThrownBy(() -> new Password("x".repeat(73))).hasMessage("must be at most 72 bytes in UTF-8");
        // 25 three-byte characters: 25 characters, but 75 bytes, so bcrypt would silently drop the end.
        assertThatThrownBy(() -> new Password("€".repeat(25))).hasMessage("must be at most 72 bytes in UTF-8");
        assertThatThrownBy(() -> new Password("line\nbreak password"))
                .hasMessage("must not contain control characters or unpaired surrogates");
        assertThatThrownBy(() -> new Password("a lone \ud800 surrogate"))
                .hasMessage("must not contain control characters or unpaired surrogates");
        assertThatThrownBy(() -> new Password(null)).hasMessage("is required");
    }

    @Test
    void aPasswordNeverShowsInToString() {
        Password password = new Password("very secret password");

        assertThat(password.toString()).isEqualTo("Password[hidden]").doesNotContain("secret");
    }

    @Test
    void generatedPasswordsAreValidAndDifferent() {
        Password one = Password.generate();
        Password two = Password.generate();

        assertThat(one.value()).hasSize(20).matches("[a-km-zA-HJ-NP-Z2-9]{20}");
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void namesAreTrimmedBoundedAndFreeOfControlCharacters() {
        assertThat(new OrganizationName("Veridian Semiconductor, Inc.").value())
                .isEqualTo("Veridian Semiconductor, Inc.");
        assertThat(new OrganizationName("  padded\t").value()).isEqualTo("padded");
        assertThatThrownBy(() -> new OrganizationName("  ")).hasMessage("is required");
        assertThatThrownBy(() -> new OrganizationName("x".repeat(201)))
                .hasMessage("must be at most 200 characters, got 201");
        assertThatThrownBy(() -> new DisplayName("bell\u0007"))
                .hasMessage("must not contain control characters (found U+0007 at position 5)");
        assertThatThrownBy(() -> new TokenName("x".repeat(101))).hasMessage("must be at most 100 characters, got 101");
    }

    @Test
    void idsParseOnlyCanonicalUuids() {
        assertThat(UserId.parse("0b4f5a8e-3a4e-4b7f-9a51-4c2d8f7e6a10").value().toString())
                .isEqualTo("0b4f5a8e-3a4e-4b7f-9a51-4c2d8f7e6a10");
        assertThatThrownBy(() -> UserId.parse("1-1-1-1-1")).hasMessage("must be a UUID");
        assertThatThrownBy(() -> OrganizationId.parse("42")).hasMessage("must be a UUID");
        assertThatThrownBy(() -> TokenId.parse("0b4f5a8e-3a4e-4b7f-9a51-4c2d8f7e6a1z"))
                .hasMessage("must be a UUID");
    }

    @ParameterizedTest
    @EnumSource(OrganizationKind.class)
    void onlyAgenciesNameAnAgency(OrganizationKind kind) {
        OrganizationName name = new OrganizationName("Some Organization");
        if (kind == OrganizationKind.AGENCY) {
            assertThat(new NewOrganization(name, kind, Agency.ENERGY).agency()).isEqualTo(Agency.ENERGY);
            assertThatThrownBy(() -> new NewOrganization(name, kind, null))
                    .hasMessageContaining("must name its agency");
        } else {
            assertThat(new NewOrganization(name, kind, null).agency()).isNull();
            assertThatThrownBy(() -> new NewOrganization(name, kind, Agency.STATE))
                    .hasMessage("only organizations of kind AGENCY name an agency");
        }
    }

    @Test
    void eachOrganizationKindAllowsItsRolesOnly() {
        assertThat(OrganizationKind.EXPORTER.allowedRoles()).containsExactly(Role.APPLICANT);
        assertThat(OrganizationKind.BUYER.allowedRoles()).containsExactly(Role.BUYER);
        assertThat(OrganizationKind.AUTHORITY.allowedRoles()).containsExactly(Role.OFFICER, Role.AUDITOR, Role.ADMIN);
        assertThat(OrganizationKind.AGENCY.allowedRoles()).containsExactly(Role.AGENCY);
        assertThat(OrganizationKind.INSPECTORATE.allowedRoles()).containsExactly(Role.INSPECTOR);
        // Every role has exactly one kind of organization.
        for (Role role : Role.values()) {
            assertThat(EnumSet.allOf(OrganizationKind.class).stream()
                            .filter(k -> k.allowedRoles().contains(role)))
                    .as(role.name())
                    .hasSize(1);
        }
    }

    @Test
    void rolesOutsideTheOrganizationsKindAreRefusedByName() {
        assertThat(Roles.check(Set.of(Role.OFFICER, Role.ADMIN), OrganizationKind.AUTHORITY))
                .containsExactly(Role.OFFICER, Role.ADMIN);
        assertThatThrownBy(() -> Roles.check(Set.of(Role.OFFICER), OrganizationKind.EXPORTER))
                .hasMessage("OFFICER is not allowed in an organization of kind EXPORTER (allowed: APPLICANT)");
        assertThatThrownBy(() -> Roles.check(Set.of(Role.APPLICANT, Role.BUYER), OrganizationKind.AGENCY))
                .hasMessage("APPLICANT, BUYER are not allowed in an organization of kind AGENCY (allowed: AGENCY)");
        assertThatThrownBy(() -> Roles.check(Set.of(), OrganizationKind.BUYER))
                .hasMessage("at least one role is required");
    }

    @Test
    void anAuditorHoldsNoOtherRole() {
        assertThat(Roles.checkAlone(Set.of(Role.AUDITOR))).containsExactly(Role.AUDITOR);
        assertThatThrownBy(() -> Roles.checkAlone(Set.of(Role.AUDITOR, Role.ADMIN)))
                .hasMessage("AUDITOR cannot be combined with other roles: auditors change nothing");
    }
}
