package org.gatehouse.applications.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * An application as a client sends it: the JSON of the API (create, update, dry-run assessment) and, bound by field
 * name ({@code lines[0].quantity}), the web form. Values are kept raw — numbers as decimals, so that a fractional or
 * huge quantity is reported as such rather than truncated — and {@link ApplicationBinder} turns them into checked
 * domain records.
 */
public record ApplicationForm(
        String reference,
        PartyForm purchaser,
        List<PartyForm> intermediateConsignees,
        PartyForm ultimateConsignee,
        PartyForm endUser,
        String destination,
        String deploymentSite,
        String endUse,
        BigDecimal valueUsd,
        List<LineForm> lines,
        List<DocumentForm> documents,
        Long version) {

    /** A party as sent. */
    public record PartyForm(String name, String ultimateParent, String country, String address) {}

    /** A line as sent: a catalogue item, or a chip described by {@code custom}. */
    public record LineForm(String item, CustomForm custom, BigDecimal quantity) {}

    /** A chip that is not in the catalogue, as sent. */
    public record CustomForm(
            String name, BigDecimal tpp, BigDecimal performanceDensity, BigDecimal memoryBandwidthGbs) {}

    /** A supporting document's metadata, as sent. */
    public record DocumentForm(String name, String mediaType, String sha256, BigDecimal sizeBytes) {}
}
