/** Revenue share, a licence condition: revenue reported per calendar quarter per licence, the amount due at the condition's rate, remittances, balances and overdue periods. */
package org.gatehouse.revenueshare;
