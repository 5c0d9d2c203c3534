package org.gatehouse.cases.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.applications.DocumentRef;
import org.gatehouse.cases.Case;
import org.gatehouse.cases.Decision;
import org.gatehouse.cases.Recommendation;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Username;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.gatehouse.trade.Text;

/**
 * Turns the case API's request bodies (and the case pages' forms) into checked values, naming every refused field.
 * One method per request shape; the rules of each value are stated once, here or in the value's own type.
 */
final class CaseBinder {

    private CaseBinder() {}

    /** A bound request: its values and the version the caller read. */
    record Bound<T>(T value, long version) {}

    static Bound<Username> assign(CaseForms.Assign form, CurrentUser caller) {
        InputCheck check = check(form);
        Username officer = check.field("officer", () -> {
            if (form.officer() == null || form.officer().isBlank()) {
                return null;
            }
            return "me".equals(form.officer()) ? Username.of(caller.actor()) : Username.of(form.officer());
        });
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(officer, version);
    }

    /** Agencies and the referral's note. */
    record Referral(Set<Agency> agencies, String note) {}

    static Bound<Referral> refer(CaseForms.Refer form) {
        InputCheck check = check(form);
        Set<Agency> agencies = check.field("agencies", () -> {
            if (form.agencies() == null || form.agencies().isEmpty()) {
                throw new IllegalArgumentException("name at least one agency: " + List.of(Agency.values()));
            }
            Set<Agency> named = EnumSet.noneOf(Agency.class);
            for (String agency : form.agencies()) {
                named.add(named(Agency.class, agency));
            }
            return named;
        });
        String note = check.field("note", () -> Text.optional(form.note(), Case.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Referral(agencies, note), version);
    }

    /** A recommendation and its reasons. */
    record Recommended(Recommendation recommendation, String reasons) {}

    static Recommended recommend(CaseForms.Recommend form) {
        InputCheck check = check(form);
        Recommendation recommendation =
                check.field("recommendation", () -> named(Recommendation.class, form.recommendation()));
        String reasons = check.field("reasons", () -> Text.required(form.reasons(), Case.TEXT_CHARS_MAX));
        check.throwIfInvalid();
        return new Recommended(recommendation, reasons);
    }

    /** A hold's question and due date. */
    record Held(String question, LocalDate dueOn) {}

    static Bound<Held> hold(CaseForms.Hold form) {
        InputCheck check = check(form);
        String question = check.field("question", () -> Text.required(form.question(), Case.TEXT_CHARS_MAX));
        LocalDate dueOn = check.field("dueOn", () -> date(form.dueOn()));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Held(question, dueOn), version);
    }

    static String answer(CaseForms.Answer form) {
        InputCheck check = check(form);
        String answer = check.field("answer", () -> Text.required(form.answer(), Case.TEXT_CHARS_MAX));
        check.throwIfInvalid();
        return answer;
    }

    /** A document filed for a requirement. */
    record Filed(Requirement requirement, DocumentRef document) {}

    static Filed document(CaseForms.Document form) {
        InputCheck check = check(form);
        Requirement requirement = check.field("requirement", () -> named(Requirement.class, form.requirement()));
        Long size = check.field("sizeBytes", () -> whole(form.sizeBytes()));
        DocumentRef document = check.field(
                "", () -> new DocumentRef(form.name(), form.mediaType(), form.sha256(), size == null ? 0 : size));
        check.throwIfInvalid();
        return new Filed(requirement, document);
    }

    /** The company a party may be, and why the officer thinks so. */
    record SameCompany(CompanyName company, String reason) {}

    static Bound<SameCompany> raiseFlag(CaseForms.RaiseFlag form) {
        InputCheck check = check(form);
        CompanyName company = check.field("company", () -> CompanyName.of(form.company()));
        String reason = check.field("reason", () -> Text.required(form.reason(), Case.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new SameCompany(company, reason), version);
    }

    static Bound<String> clearFlag(CaseForms.ClearFlag form) {
        InputCheck check = check(form);
        String reason = check.field("reason", () -> Text.required(form.reason(), Case.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(reason, version);
    }

    static Bound<String> returnWithoutAction(CaseForms.Return form) {
        InputCheck check = check(form);
        String reason = check.field("reason", () -> Text.required(form.reason(), Case.TEXT_CHARS_MAX));
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(reason, version);
    }

    /** A decision, its reasons and the officer's conditions. */
    record Decided(Decision decision, String reasons, String conditions) {}

    static Bound<Decided> decide(CaseForms.Decide form) {
        InputCheck check = check(form);
        Decision decision = check.field("decision", () -> named(Decision.class, form.decision()));
        String reasons = check.field("reasons", () -> Text.required(form.reasons(), Case.TEXT_CHARS_MAX));
        String conditions = check.field("conditions", () -> Text.optional(form.conditions(), Case.TEXT_CHARS_MAX));
        if (decision == Decision.APPROVED_WITH_CONDITIONS && conditions == null) {
            check.reject("conditions", "are required for an approval with conditions");
        }
        Long version = check.field("version", () -> version(form.version()));
        check.throwIfInvalid();
        return new Bound<>(new Decided(decision, reasons, conditions), version);
    }

    private static InputCheck check(Object form) {
        if (form == null) {
            throw InvalidInputException.of("body", "is required");
        }
        return new InputCheck();
    }

    private static long version(Long version) {
        if (version == null) {
            throw new IllegalArgumentException("is required: the version of the case you read");
        }
        return version;
    }

    private static long whole(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 18) {
            throw new IllegalArgumentException("must be a whole number of bytes, got " + Text.number(value));
        }
        return stripped.longValueExact();
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
        if (name == null) {
            throw new IllegalArgumentException("is required: one of " + Arrays.toString(type.getEnumConstants()));
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new IllegalArgumentException("must be one of " + names);
        }
    }
}
