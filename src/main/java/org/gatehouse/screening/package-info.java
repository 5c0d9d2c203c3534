/** Restricted-party screening: list loaders (OFAC SDN, Consolidated Screening List, BIS Denied Persons), name normalization and the matcher (pure, no I/O beyond the bundled lists). */
package org.gatehouse.screening;
