package org.gatehouse.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The 50 % rule on small ownership graphs: direct, through chains, added up, and cycles. */
class OwnershipTests {

    private final Map<String, UUID> ids = new HashMap<>();
    private final List<CompanyRegister.OwnerLink> links = new ArrayList<>();
    private final Map<UUID, Hit> listed = new HashMap<>();

    @Test
    void aPartyOwnedHalfByAListedPartyIsControlled() {
        owns("Listed", "Party", "50");
        listed("Listed");

        List<Ownership.Finding> findings = findings("Party");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.owner()).isEqualTo(id("Listed"));
            assertThat(f.path()).isEqualTo("Party ← 50 % Listed (listed: SDN 1 \"LISTED\", 1.000)");
        });
    }

    @Test
    void justUnderHalfIsNotControl() {
        owns("Listed", "Party", "49.99");
        listed("Listed");

        assertThat(findings("Party")).isEmpty();
    }

    @Test
    void aChainOfControllingOwnersReachesTheListedParty() {
        owns("Listed", "Holding", "60");
        owns("Holding", "Middle", "51");
        owns("Middle", "Party", "100");
        listed("Listed");

        assertThat(findings("Party"))
                .singleElement()
                .extracting(Ownership.Finding::path)
                .isEqualTo("Party ← 100 % Middle ← 51 % Holding ← 60 % Listed (listed: SDN 1 \"LISTED\", 1.000)");
    }

    @Test
    void aChainBrokenByAMinorityLinkDoesNotReach() {
        owns("Listed", "Holding", "40");
        owns("Holding", "Party", "100");
        listed("Listed");

        assertThat(findings("Party")).isEmpty();
    }

    @Test
    void sharesOfSeveralListedOwnersAddUp() {
        owns("Listed A", "Party", "30");
        owns("Listed B", "Party", "20");
        owns("Clean", "Party", "50");
        listed("Listed A");
        listed("Listed B");

        assertThat(findings("Party"))
                .extracting(Ownership.Finding::owner)
                .containsExactlyInAnyOrder(id("Listed A"), id("Listed B"));
    }

    @Test
    void aCycleOfOwnersEndsAndControlsNothingByItself() {
        owns("A", "B", "60");
        owns("B", "A", "60");
        owns("A", "Party", "100");

        assertThat(findings("Party")).isEmpty();
    }

    @Test
    void aCycleAboveAListedOwnerStillFindsIt() {
        owns("A", "B", "60");
        owns("B", "A", "60");
        owns("Listed", "A", "50");
        owns("A", "Party", "70");
        listed("Listed");

        assertThat(findings("Party"))
                .singleElement()
                .extracting(Ownership.Finding::path)
                .isEqualTo("Party ← 70 % A ← 50 % Listed (listed: SDN 1 \"LISTED\", 1.000)");
    }

    private List<Ownership.Finding> findings(String party) {
        return Ownership.of(id(party), party, links, listed);
    }

    private void owns(String owner, String company, String percent) {
        links.add(new CompanyRegister.OwnerLink(id(company), id(owner), owner, List.of(), new BigDecimal(percent)));
    }

    private void listed(String name) {
        ListEntry entry = new ListEntry(
                "SDN",
                "1",
                EntryType.ENTITY,
                name.toUpperCase(java.util.Locale.ROOT),
                List.of(),
                Set.of(),
                List.of(),
                "SDN");
        listed.put(id(name), new Hit(entry, entry.name(), false, 1.0, "exact"));
    }

    private UUID id(String name) {
        return ids.computeIfAbsent(
                name, n -> UUID.nameUUIDFromBytes(n.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
