package org.gatehouse.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.Paging;

/** Where tier-1 exemptions and their notifications are kept (implemented over SQL in {@code jdbc/}). */
public interface Exemptions {

    /** Records a new exemption; false (nothing written) when its application already has one. */
    boolean insert(Exemption exemption);

    Optional<Exemption> find(ApplicationId application);

    /** The exemption, locked until the transaction ends: its notifications are serial. */
    Optional<Exemption> findForUpdate(ApplicationId application);

    /** Writes it as it is now if the stored row is still at {@link Exemption#storedVersion()}; false otherwise. */
    boolean save(Exemption exemption);

    /** A page of exemptions matching {@code filter}, newest first. */
    List<Exemption> list(ExemptionFilter filter, Paging paging);

    /**
     * Open exemptions lapsed on {@code today}, oldest first, at most {@code limit}, each locked until the transaction
     * ends; rows another transaction has locked are skipped (another server is lapsing them).
     */
    List<Exemption> lockLapsing(LocalDate today, int limit);

    /** Records a notification; {@code idempotencyKey} (or null) with the SHA-256 of its request. */
    void insertNotification(Notification notification, String idempotencyKey, String requestSha256);

    Optional<Keyed<Notification>> notificationByKey(ApplicationId exemption, String idempotencyKey);

    /** A page of an exemption's notifications, newest first. */
    List<Notification> notifications(ApplicationId exemption, Paging paging);
}
