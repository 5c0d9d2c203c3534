/** Tier-3 government-to-government agreements: security commitments, investment commitments and their tranches, compute allocations that tier-3 licences draw from, and the evidence they give a case. */
package org.gatehouse.agreements;
