/** The policy lab: deal files or the pending pipeline run through several versions of the rule side by side, on the server. */
package org.gatehouse.lab;
