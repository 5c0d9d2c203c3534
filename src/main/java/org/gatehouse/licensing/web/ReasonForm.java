package org.gatehouse.licensing.web;

/** The body of a suspension, reinstatement or revocation: why. */
record ReasonForm(String reason) {}
