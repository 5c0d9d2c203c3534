package org.gatehouse.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.trade.ApplicationId;

/**
 * Where the register of companies is kept (implemented over SQL in {@code jdbc/}): companies with their names (by
 * canonical key, each key naming at most one company), identifiers and owners, and the possible matches of
 * applications' parties.
 */
public interface CompanyRegister {

    /**
     * Stores a new company; false (nothing written) when one of its names or identifiers is another company's already.
     */
    boolean insert(RegisteredCompany company);

    /**
     * Replaces a company's details if it is still at {@code expectedVersion}; false (nothing written) when it is not,
     * or when one of its names or identifiers is another company's.
     */
    boolean save(RegisteredCompany company, long expectedVersion);

    Optional<RegisteredCompany> find(UUID id);

    /** The companies whose name starts like {@code keyPrefix} (null: all), by key, at most {@code limit} from offset. */
    List<RegisteredCompany> list(String keyPrefix, int limit, int offset);

    /** The company one of whose names (name or alias) has this canonical key. */
    Optional<UUID> companyOfKey(String key);

    /** The companies named by these canonical keys (name or alias), by key; keys of no company are left out. */
    java.util.Map<String, UUID> companiesOfKeys(List<String> keys);

    /** The company that holds this identifier, if any. */
    Optional<UUID> companyOfIdentifier(String scheme, String value);

    /** The ids of the companies among {@code ids} that exist. */
    List<UUID> existing(List<UUID> ids);

    /** A number that changes with every change of the register (for caching its matcher). */
    long generation();

    /** Every registered name and alias with its company, for the register's matcher (at most {@code max}). */
    List<NameOf> names(int max);

    /** A registered name or alias and its company. */
    record NameOf(UUID company, String name, boolean alias) {}

    /**
     * The ownership graph above {@code company}: every owner link reachable upward, at most {@code depthMax} links
     * deep and at most {@code linksMax} links.
     */
    List<OwnerLink> ownersAbove(UUID company, int depthMax, int linksMax);

    /** One owner link: {@code owner} holds {@code percent} of {@code company}. */
    record OwnerLink(
            UUID company, UUID owner, String ownerName, List<String> ownerAliases, java.math.BigDecimal percent) {}

    /** Whether an officer separated this name from this company earlier. */
    boolean separated(String key, UUID company);

    void markSeparated(String key, UUID company);

    /** Records a possible match; empty when the application already has it. */
    Optional<Long> insertMatch(RegisterMatch match);

    Optional<RegisterMatch> findMatchForUpdate(long id);

    /** Records an officer's decision on a pending match; false when it is no longer pending. */
    boolean decideMatch(long id, RegisterMatch.State state, String reason, String by, Instant at);

    /** The matches of one application, oldest first. */
    List<RegisterMatch> matchesOf(ApplicationId applicationId);

    /** Pending matches, oldest first, after {@code afterId}, at most {@code max}. */
    List<RegisterMatch> pendingMatches(long afterId, int max);
}
