/** Hash-chained, append-only audit log written in the caller's transaction, and its verification. */
package org.gatehouse.audit;
