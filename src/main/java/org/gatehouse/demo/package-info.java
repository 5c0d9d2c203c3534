/**
 * The demonstration world of {@code gatehouse serve --demo}: exporters, buyers, the authority's agencies and some
 * forty applications in every state and tier, seeded through the real services (assessed, reserved in the ledger,
 * screened, reviewed, licensed and audited exactly as in production), each step at its own moment in the past.
 */
package org.gatehouse.demo;
