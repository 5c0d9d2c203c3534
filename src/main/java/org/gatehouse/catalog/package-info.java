/** Accelerators and systems with their exact TPP, performance density and export classification (pure, no I/O beyond bundled resources). */
package org.gatehouse.catalog;
