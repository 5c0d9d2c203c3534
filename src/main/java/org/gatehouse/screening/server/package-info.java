/**
 * Screening on the server: list versions imported into the database, the screener built from them, screening of
 * submissions and pre-approval requests, dispositions, re-screening after an import, and the register of companies.
 */
@org.springframework.modulith.NamedInterface("server")
package org.gatehouse.screening.server;
