package org.gatehouse.ledger;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The ledger's invariants (SPEC §5), checked in the database after a test changed it. */
public final class LedgerInvariants {

    private LedgerInvariants() {}

    /**
     * Every application position and (company, country) bucket row that differs from the sum of
     * its movements, and every country row that differs from the sum of its companies; empty when
     * the ledger is consistent.
     */
    public static List<Map<String, Object>> violations(JdbcClient jdbc) {
        return jdbc.sql("""
                WITH moved AS (
                    SELECT p.parent_key, p.destination,
                        sum(CASE WHEN m.to_bucket = 'RESERVED' THEN m.tpp ELSE 0 END)
                          - sum(CASE WHEN m.from_bucket = 'RESERVED' THEN m.tpp ELSE 0 END) AS reserved,
                        sum(CASE WHEN m.to_bucket = 'AUTHORIZED' THEN m.tpp ELSE 0 END)
                          - sum(CASE WHEN m.from_bucket = 'AUTHORIZED' THEN m.tpp ELSE 0 END) AS authorized,
                        sum(CASE WHEN m.to_bucket = 'SHIPPED' THEN m.tpp ELSE 0 END)
                          - sum(CASE WHEN m.from_bucket = 'SHIPPED' THEN m.tpp ELSE 0 END) AS shipped
                    FROM ledger_movement m JOIN ledger_position p USING (application_id)
                    GROUP BY p.parent_key, p.destination)
                SELECT c.parent_key, c.destination FROM ledger_company_country c
                FULL JOIN moved m USING (parent_key, destination)
                WHERE c.reserved_tpp IS DISTINCT FROM m.reserved OR c.authorized_tpp IS DISTINCT FROM m.authorized
                   OR c.shipped_tpp IS DISTINCT FROM m.shipped
                UNION ALL
                SELECT NULL, n.destination FROM ledger_country n
                LEFT JOIN (SELECT destination, sum(reserved_tpp) r, sum(authorized_tpp) a, sum(shipped_tpp) s
                           FROM ledger_company_country GROUP BY destination) c USING (destination)
                WHERE n.reserved_tpp IS DISTINCT FROM c.r OR n.authorized_tpp IS DISTINCT FROM c.a
                   OR n.shipped_tpp IS DISTINCT FROM c.s
                                UNION ALL
                SELECT p.application_id::text, p.destination FROM ledger_position p
                LEFT JOIN (SELECT application_id,
                               sum(CASE WHEN to_bucket = 'RESERVED' THEN tpp ELSE 0 END)
                                 - sum(CASE WHEN from_bucket = 'RESERVED' THEN tpp ELSE 0 END) AS r,
                               sum(CASE WHEN to_bucket = 'AUTHORIZED' THEN tpp ELSE 0 END)
                                 - sum(CASE WHEN from_bucket = 'AUTHORIZED' THEN tpp ELSE 0 END) AS a,
                               sum(CASE WHEN to_bucket = 'SHIPPED' THEN tpp ELSE 0 END)
                                 - sum(CASE WHEN from_bucket = 'SHIPPED' THEN tpp ELSE 0 END) AS s
                           FROM ledger_movement GROUP BY application_id) m USING (application_id)
                WHERE p.reserved_tpp IS DISTINCT FROM coalesce(m.r, 0) OR p.authorized_tpp IS DISTINCT FROM coalesce(m.a, 0)
                   OR p.shipped_tpp IS DISTINCT FROM coalesce(m.s, 0)
""").query().listOfRows();
    }
}
