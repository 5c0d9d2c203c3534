/** Licences issued on approval, their amendments, suspension, revocation and expiry; shipments drawn down against them; tier-1 exemptions and their post-shipment notifications. */
package org.gatehouse.licensing;
