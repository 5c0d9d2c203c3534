/** The national compute ledger: buckets per company and country, movements that explain them, serialized assessment. */
package org.gatehouse.ledger;
