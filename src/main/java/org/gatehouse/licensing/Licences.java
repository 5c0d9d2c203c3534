package org.gatehouse.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.Paging;

/**
 * Where licences, their versions and their shipments are kept (implemented over SQL in {@code jdbc/}). A licence is
 * read and written whole; a save names the version it was read at, so a stale write changes nothing.
 */
public interface Licences {

    /** The next number for a licence issued in {@code year}, from a sequence that never hands out a value twice. */
    LicenceNumber nextNumber(int year);

    void insert(Licence licence);

    Optional<Licence> find(LicenceNumber number);

    /** The licence, locked until the transaction ends: its changes and shipments are serial. */
    Optional<Licence> findForUpdate(LicenceNumber number);

    /** The licence issued for an application, if any (one application, at most one licence). */
    Optional<LicenceNumber> numberOf(ApplicationId application);

    /**
     * Writes {@code licence} as it is now, if the stored row is still at {@link Licence#storedVersion()}; false (and
     * nothing written) when another change came first.
     */
    boolean save(Licence licence);

    /** A page of licences matching {@code filter}, newest first. */
    List<Licence> list(LicenceFilter filter, Paging paging);

    /** Licences in force (active or suspended), by application id after {@code after} (null: from the first). */
    List<Licence> inForce(ApplicationId after, int max);

    /**
     * A page of licences matching {@code filter} in {@code sort} order, for the web UI. Unlike {@link #list}, the
     * state filter (and the STATE order) reads each licence's standing on {@code today}: a live licence past its last
     * valid day counts as EXPIRED, as {@link Licence#standing} says, before the expiry job has recorded it.
     */
    List<Licence> page(LicenceFilter filter, LocalDate today, LicenceSort sort, boolean descending, Paging paging);

    /**
     * Live licences whose validity ended before {@code today}, oldest first, at most {@code limit}, each locked until
     * the transaction ends; rows another transaction has locked are skipped (another server is expiring them).
     */
    List<Licence> lockExpiring(LocalDate today, int limit);

    void insertVersion(LicenceVersion version);

    /** A page of a licence's versions, oldest first. */
    List<LicenceVersion> versions(LicenceNumber number, Paging paging);

    Optional<LicenceVersion> version(LicenceNumber number, long version);

    /** Records a shipment; {@code idempotencyKey} (or null) with the SHA-256 of the request that carried it. */
    void insertShipment(Shipment shipment, String idempotencyKey, String requestSha256);

    /** The shipment recorded against the licence under {@code idempotencyKey}. */
    Optional<Keyed<Shipment>> shipmentByKey(LicenceNumber number, String idempotencyKey);

    /** The shipment of the licence that named this test report, if any. */
    Optional<Shipment> shipmentWithTestReport(LicenceNumber number, String testReportSha256);

    /** A page of a licence's shipments, newest first. */
    List<Shipment> shipments(LicenceNumber number, Paging paging);

    /**
     * The value in US dollars of the shipments reported under the licence, per calendar quarter (keyed by the quarter's
     * first day); quarters without shipments are absent.
     */
    Map<LocalDate, BigDecimal> shippedValueByQuarter(LicenceNumber number);

    /** The ACTIVE licences whose ultimate parent or end user has this canonical company key, at most {@code max}. */
    List<LicenceNumber> activeConcerning(String companyKey, int max);

    /** Raises a flag; false (nothing written) when the licence has an open flag with the same {@code flag} already. */
    boolean insertFlag(LicenceFlag flag);

    /** The open flags of a licence, oldest first. */
    List<LicenceFlag> openFlags(LicenceNumber number);

    /** Clears an open flag; false when the licence has no such open flag. */
    boolean clearFlag(LicenceNumber number, java.util.UUID id, String reason, String by, java.time.Instant at);
}
