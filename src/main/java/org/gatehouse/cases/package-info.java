/** Case review: the officer's queue, referrals to agencies, holds, decisions, statutory clocks and the evidence that approval needs. */
package org.gatehouse.cases;
