/** Licence applications: drafts, submission with assessment and ledger reservation, idempotent requests. */
package org.gatehouse.applications;
