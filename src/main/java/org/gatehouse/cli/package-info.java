/** The {@code gatehouse} command line: picocli commands that call module APIs only. */
package org.gatehouse.cli;
