/** The shared kernel: values that several modules pass around (countries, company names, typed ids, amounts). Pure Java. */
package org.gatehouse.trade;
