package org.gatehouse.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.Text;

/** What identifies an agreement: the destination country, its title and its signatories. Checks its own fields. */
public record AgreementTerms(CountryCode country, String title, List<String> signatories) {

    public static final int TITLE_CHARS_MAX = 200;
    public static final int SIGNATORY_CHARS_MAX = 200;
    public static final int SIGNATORIES_MAX = 20;

    /** The terms a client sent, each field checked and named when refused. */
    public static AgreementTerms of(String country, String title, List<String> signatories) {
        InputCheck check = new InputCheck();
        CountryCode code = check.field("country", () -> CountryCode.of(country));
        if (code != null && code.value().equals("US")) {
            check.reject("country", "must be the host country, not the United States");
        }
        String checkedTitle = check.field("title", () -> Text.required(title, TITLE_CHARS_MAX));
        List<String> names = new ArrayList<>();
        if (signatories == null || signatories.isEmpty()) {
            check.reject("signatories", "name at least one signatory");
        } else if (signatories.size() > SIGNATORIES_MAX) {
            check.reject("signatories", "at most " + SIGNATORIES_MAX + " signatories, got " + signatories.size());
        } else {
            for (int i = 0; i < signatories.size(); i++) {
                String name = signatories.get(i);
                String checked = check.field("signatories[" + i + "]", () -> Text.required(name, SIGNATORY_CHARS_MAX));
                if (checked != null) {
                    names.add(checked);
                }
            }
        }
        check.throwIfInvalid();
        return new AgreementTerms(code, checkedTitle, names);
    }

    public AgreementTerms {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(title, "title");
        signatories = List.copyOf(signatories);
    }
}
