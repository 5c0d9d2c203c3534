/** Running the application: database (embedded or external), web configuration, problem details. */
package org.gatehouse.system;
