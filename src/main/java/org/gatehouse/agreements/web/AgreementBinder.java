package org.gatehouse.agreements.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.gatehouse.agreements.Agreement;
import org.gatehouse.agreements.AgreementService;
import org.gatehouse.agreements.AgreementTerms;
import org.gatehouse.agreements.Allocation;
import org.gatehouse.agreements.CommitmentStatus;
import org.gatehouse.agreements.InvestmentCommitment;
import org.gatehouse.agreements.SecurityCommitment;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;
import org.gatehouse.trade.Usd;

/**
 * Turns the agreement API's request bodies into checked values, naming every refused field by its path
 * ({@code tranches[1].amountUsd}). One method per request shape; each value states its own rules.
 */
final class AgreementBinder {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private AgreementBinder() {}

    /** A bound request: its value and the version the caller read. */
    record Bound<T>(T value, long version) {}

    /** A new agreement's content. */
    record Created(
            AgreementTerms terms,
            AgreementService.Investment investment,
            Long allocationGb300e,
            List<String> commitments,
            List<Agreement.TrancheTerms> tranches) {}

    static Created create(AgreementForms.Create form) {
        InputCheck check = check(form);
        AgreementTerms terms =
                check.field("", () -> AgreementTerms.of(form.country(), form.title(), form.signatories()));
        AgreementService.Investment investment = check.field("investment", () -> investment(form.investment()));
        Long allocation = check.field(
                "allocationGb300e", () -> form.allocationGb300e() == null ? null : gb300e(form.allocationGb300e()));
        List<String> commitments = new ArrayList<>();
        if (form.securityCommitments() != null) {
            if (form.securityCommitments().size() > Agreement.COMMITMENTS_MAX) {
                check.reject(
                        "securityCommitments",
                        "at most " + Agreement.COMMITMENTS_MAX + " commitments, got "
                                + form.securityCommitments().size());
            } else {
                for (int i = 0; i < form.securityCommitments().size(); i++) {
                    String text = form.securityCommitments().get(i);
                    String checked = check.field(
                            "securityCommitments[" + i + "]",
                            () -> Text.required(text, SecurityCommitment.TEXT_CHARS_MAX));
                    if (checked != null) {
                        commitments.add(checked);
                    }
                }
            }
        }
        List<Agreement.TrancheTerms> tranches = new ArrayList<>();
        if (form.tranches() != null) {
            if (form.tranches().size() > Agreement.TRANCHES_MAX) {
                check.reject(
                        "tranches",
                        "at most " + Agreement.TRANCHES_MAX + " tranches, got "
                                + form.tranches().size());
            } else {
                for (int i = 0; i < form.tranches().size(); i++) {
                    AgreementForms.TrancheForm t = form.tranches().get(i);
                    String path = "tranches[" + i + "]";
                    if (t == null) {
                        check.reject(path, "must not be null");
                        continue;
                    }
                    LocalDate due = check.field(path + ".dueOn", () -> date(t.dueOn()));
                    Usd amount = check.field(path + ".amountUsd", () -> Usd.positiveInput(t.amountUsd()));
                    if (due != null && amount != null) {
                        tranches.add(new Agreement.TrancheTerms(due, amount));
                    }
                }
            }
        }
        check.throwIfInvalid();
        return new Created(terms, investment, allocation, commitments, tranches);
    }

    static Bound<LocalDate> date(String field, String text, Long version) {
        InputCheck check = new InputCheck();
        LocalDate day = check.field(field, () -> date(text));
        Long v = check.field("version", () -> version(version));
        check.throwIfInvalid();
        return new Bound<>(day, v);
    }

    static Bound<LocalDate> sign(AgreementForms.Sign form) {
        check(form);
        return date("signedOn", form.signedOn(), form.version());
    }

    static Bound<LocalDate> inForce(AgreementForms.InForce form) {
        check(form);
        return date("inForceOn", form.inForceOn(), form.version());
    }

    /** A termination's day and reason. */
    record Terminated(LocalDate on, String reason) {}

    static Bound<Terminated> terminate(AgreementForms.Terminate form) {
        InputCheck check = check(form);
        LocalDate day = check.field("terminatedOn", () -> date(form.terminatedOn()));
        String reason = check.field("reason", () -> Text.required(form.reason(), Agreement.REASON_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Terminated(day, reason), version);
    }

    static Bound<String> commitment(AgreementForms.Commitment form) {
        InputCheck check = check(form);
        String text = check.field("text", () -> Text.required(form.text(), SecurityCommitment.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(text, version);
    }

    /** A commitment's new status and the officer's note. */
    record StatusSet(CommitmentStatus status, String note) {}

    static Bound<StatusSet> commitmentStatus(AgreementForms.CommitmentStatus form) {
        InputCheck check = check(form);
        CommitmentStatus status = check.field("status", () -> named(CommitmentStatus.class, form.status()));
        String note = check.field("note", () -> Text.optional(form.note(), SecurityCommitment.TEXT_CHARS_MAX));
        if (status == CommitmentStatus.BREACHED && note == null && check.valid()) {
            check.reject("note", "is required for a breach: say what was breached");
        }
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new StatusSet(status, note), version);
    }

    static Bound<Agreement.TrancheTerms> tranche(AgreementForms.Tranche form) {
        InputCheck check = check(form);
        LocalDate due = check.field("dueOn", () -> date(form.dueOn()));
        Usd amount = check.field("amountUsd", () -> Usd.positiveInput(form.amountUsd()));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Agreement.TrancheTerms(due, amount), version);
    }

    /** An amount realized on a day, with its evidence's hash. */
    record Realized(Usd amount, LocalDate realizedOn, String evidenceSha256) {}

    static Bound<Realized> realization(AgreementForms.Realization form) {
        InputCheck check = check(form);
        Usd amount = check.field("amountUsd", () -> Usd.positiveInput(form.amountUsd()));
        LocalDate day = check.field("realizedOn", () -> date(form.realizedOn()));
        String sha = check.field("evidenceSha256", () -> {
            if (form.evidenceSha256() == null
                    || !SHA256.matcher(form.evidenceSha256()).matches()) {
                throw new IllegalArgumentException("must be 64 lower-case hex digits (the SHA-256 of the evidence)");
            }
            return form.evidenceSha256();
        });
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Realized(amount, day, sha), version);
    }

    private static AgreementService.Investment investment(AgreementForms.InvestmentForm form) {
        if (form == null) {
            throw new IllegalArgumentException(
                    "is required: pledgedUsd, and optionally matchingRatio and" + " homeInvestmentUsd");
        }
        InputCheck check = new InputCheck();
        Usd pledged = check.field("pledgedUsd", () -> Usd.positiveInput(form.pledgedUsd()));
        BigDecimal ratio = check.field(
                "matchingRatio",
                () -> form.matchingRatio() == null ? null : InvestmentCommitment.ratio(form.matchingRatio()));
        Usd home = check.field(
                "homeInvestmentUsd",
                () -> form.homeInvestmentUsd() == null ? null : Usd.input(form.homeInvestmentUsd()));
        check.throwIfInvalid();
        return new AgreementService.Investment(pledged, ratio, home);
    }

    private static long gb300e(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0
                || stripped.signum() <= 0
                || stripped.compareTo(BigDecimal.valueOf(Allocation.GB300E_MAX)) > 0) {
            throw new IllegalArgumentException(
                    "must be a whole number 1.." + Allocation.GB300E_MAX + " GB300e, got " + Text.number(value));
        }
        return stripped.longValueExact();
    }

    private static long version(Long version) {
        if (version == null) {
            throw new IllegalArgumentException("is required: the version of the agreement you read");
        }
        if (version < 1) {
            throw new IllegalArgumentException("must be the version you read (1 or more), got " + version);
        }
        return version;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date yyyy-mm-dd, got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        if (name != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static InputCheck check(Object form) {
        if (form == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return new InputCheck();
    }
}
