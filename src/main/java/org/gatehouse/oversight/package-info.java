/** The auditor's tools on the server: reading the audit log by record, person, action and time, and verifying its chain. */
package org.gatehouse.oversight;
