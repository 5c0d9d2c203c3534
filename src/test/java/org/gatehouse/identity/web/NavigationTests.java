package org.gatehouse.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.gatehouse.identity.Role;
import org.junit.jupiter.api.Test;

/** The primary navigation offers each role its pages and marks the one being shown. */
class NavigationTests {

    private static List<String> labels(Role role, String path) {
        return Navigation.links(EnumSet.of(role), path).stream()
                .map(link -> link.current() ? "[" + link.label() + "]" : link.label())
                .toList();
    }

    @Test
    void eachRoleIsOfferedItsOwnPages() {
        assertThat(labels(Role.APPLICANT, "/"))
                .containsExactly(
                        "[Home]", "Check a deal", "Applications", "Cases", "Licences", "Exemptions", "Pre-approvals");
        assertThat(labels(Role.OFFICER, "/compute/SA"))
                .containsExactly(
                        "Home",
                        "Check a deal",
                        "Applications",
                        "Cases",
                        "Licences",
                        "Exemptions",
                        "Pre-approvals",
                        "Inspections",
                        "Agreements",
                        "[National compute]",
                        "Policy lab");
        assertThat(labels(Role.AGENCY, "/lab")).containsExactly("Home", "Cases", "National compute", "[Policy lab]");
        assertThat(labels(Role.AUDITOR, "/audit"))
                .containsExactly(
                        "Home",
                        "Applications",
                        "Cases",
                        "Licences",
                        "Exemptions",
                        "Pre-approvals",
                        "Inspections",
                        "Agreements",
                        "National compute",
                        "Policy lab",
                        "[Audit log]");
        assertThat(labels(Role.ADMIN, "/")).containsExactly("[Home]");
        assertThat(labels(Role.BUYER, "/preapprovals/new")).containsExactly("Home", "[Pre-approvals]", "Inspections");
        assertThat(labels(Role.INSPECTOR, "/inspections/1")).containsExactly("Home", "[Inspections]");
    }

    @Test
    void onlyWholeSegmentsMatch() {
        assertThat(labels(Role.APPLICANT, "/applications-archive")).doesNotContain("[Applications]");
        assertThat(labels(Role.APPLICANT, "/applications/new")).contains("[Applications]");
    }
}
