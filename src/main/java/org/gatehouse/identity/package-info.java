/** Organizations, users, roles and API tokens; who is calling, and what each role may see and do. */
package org.gatehouse.identity;
