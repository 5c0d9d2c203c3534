/** Tier-2 buyer pre-approvals (request, review, grant, suspension, expiry), on-site inspections of their sites, and the evidence they give a case. */
package org.gatehouse.preapproval;
