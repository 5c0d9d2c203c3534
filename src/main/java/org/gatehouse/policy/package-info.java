/** Policies as data (YAML validated against a published schema) and the assessor that applies one to a deal (pure, no I/O beyond bundled resources). */
package org.gatehouse.policy;
