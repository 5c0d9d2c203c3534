package org.gatehouse.identity.web;

import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.UserService;
import org.gatehouse.system.FieldErrors;
import org.gatehouse.system.WebPage;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/password}: a signed-in person changes their own password (current, new, and the new again). */
@Controller
@WebPage
class AccountPages {

    private static final String VIEW = "identity/password";

    private final UserService users;

    AccountPages(UserService users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("errors", FieldErrors.none());
        return VIEW;
    }

    /**
     * Checks the form (the new password's rules are {@link Password}'s; that both new entries match is the form's),
     * then asks the service, which checks the current password and audits. Passwords are never echoed back.
     */
    @PostMapping("/account/password")
    String change(
            CurrentUser caller,
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmation,
            Model model,
            RedirectAttributes redirect) {
        InputCheck check = new InputCheck();
        Password current = check.field(
                "currentPassword",
                () -> currentPassword == null || currentPassword.isEmpty() ? required() : lenient(currentPassword));
        Password next = check.field("newPassword", () -> new Password(newPassword));
        if (next != null && !next.value().equals(confirmation)) {
            check.reject("confirmation", "does not match the new password");
        }
        try {
            check.throwIfInvalid();
            users.changeOwnPassword(caller, current, next);
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", FieldErrors.of(refused));
            return VIEW;
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/account/password";
    }

    /**
     * The current password as typed: it was valid when it was set, so any text is compared (a shorter one simply does
     * not match), but an empty one is asked for.
     */
    private static Password lenient(String typed) {
        try {
            return new Password(typed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("", "is not your current password")));
        }
    }

    private static Password required() {
        throw new IllegalArgumentException("is required");
    }
}
