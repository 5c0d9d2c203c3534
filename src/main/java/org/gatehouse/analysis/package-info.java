/** Offline analysis over deal files: reading deals, assessing them in file order or alone, comparing policies, generating test files (pure, no Spring). */
package org.gatehouse.analysis;
