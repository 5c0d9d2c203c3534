package org.gatehouse.policy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.catalog.Item;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.Gb300e;
import org.gatehouse.trade.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/catalog}: the accelerators and systems Gatehouse knows, the names a line item may use, with what
 * classifies them. A public document, served beside the policies that classify them.
 */
@RestController
class CatalogController {

    private final PolicyInForce policies;
    private final Clock clock;

    CatalogController(PolicyInForce policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * One catalogue item per unit sold.
     *
     * @param tpp TPP of one unit (accelerators per unit × the accelerator's TPP)
     * @param gb300e GB300-equivalents of one unit under the policy in force, two decimals
     * @param eccn 3A090.a, 4A090.a, or null when not controlled
     */
    record ItemView(
            String item,
            String vendor,
            boolean system,
            String accelerator,
            int acceleratorsPerUnit,
            long tpp,
            String performanceDensity,
            long memoryBandwidthGbs,
            String gb300e,
            boolean controlled,
            String eccn) {

        static ItemView of(Item item, long referenceTpp) {
            return new ItemView(
                    item.name(),
                    item.accelerator().vendor(),
                    item.system(),
                    item.accelerator().name(),
                    item.acceleratorsPerUnit(),
                    item.tppPerUnit(),
                    item.accelerator().performanceDensity().toPlainString(),
                    item.accelerator().memoryBandwidthGbs(),
                    Gb300e.format(item.tppPerUnit(), referenceTpp),
                    item.controlled(),
                    item.eccn().code());
        }
    }

    @GetMapping("/api/v1/catalog")
    List<ItemView> items() {
        long reference = referenceTpp();
        return Catalog.builtIn().items().stream()
                .map(item -> ItemView.of(item, reference))
                .toList();
    }

    /** One item by name (case and surrounding spaces ignored, as on a line item). */
    @GetMapping("/api/v1/catalog/{name}")
    ItemView item(@PathVariable String name) {
        return Catalog.builtIn()
                .find(name)
                .map(item -> ItemView.of(item, referenceTpp()))
                .orElseThrow(() -> new NotFoundException("catalogue item", "'" + name + "'"));
    }

    private long referenceTpp() {
        return policies.on(LocalDate.now(clock)).referenceTpp();
    }
}
