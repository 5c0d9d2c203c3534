package org.gatehouse.applications.web;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON of an application as clients send it (create, update, dry-run assessment). Numbers are
 * read as decimals so that a fractional or huge quantity is reported as such, not truncated.
 */
record ApplicationBody(
        String reference,
        PartyBody purchaser,
        List<PartyBody> intermediateConsignees,
        PartyBody ultimateConsignee,
        PartyBody endUser,
        String destination,
        String deploymentSite,
        String endUse,
        BigDecimal valueUsd,
        List<LineBody> lines,
        List<DocumentBody> documents,
        Long version) {

    record PartyBody(String name, String ultimateParent, String country, String address) {}

    record LineBody(String item, CustomBody custom, BigDecimal quantity) {}

    record CustomBody(String name, BigDecimal tpp, BigDecimal performanceDensity, BigDecimal memoryBandwidthGbs) {}

    record DocumentBody(String name, String mediaType, String sha256, BigDecimal sizeBytes) {}
}
