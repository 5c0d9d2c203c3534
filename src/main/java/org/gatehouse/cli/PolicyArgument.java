package org.gatehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.gatehouse.policy.Policies;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyException;
import org.gatehouse.policy.PolicyLoader;

/** Resolves {@code --policy ID|PATH}: a built-in policy id first, else a policy file. */
final class PolicyArgument {

    /** Exit status when an input file (policy, deal file header, holdings) cannot be used at all. */
    static final int EXIT_UNUSABLE_INPUT = 1;

    private PolicyArgument() {}

    /** The policy, or {@code null} after printing {@code FILE:LINE: reason} lines to {@code err}. */
    static Policy resolve(String idOrPath, PrintWriter err) {
        Policies builtIn = Policies.builtIn();
        if (idOrPath == null) {
            return builtIn.defaultPolicy();
        }
        var found = builtIn.find(idOrPath);
        if (found.isPresent()) {
            return found.get();
        }
        Path path = Path.of(idOrPath);
        if (!Files.isRegularFile(path)) {
            err.println(idOrPath + ": neither a built-in policy ("
                    + builtIn.all().stream().map(Policy::id).collect(Collectors.joining(", "))
                    + ") nor a readable file");
            return null;
        }
        return load(path, err);
    }

    /** Loads a policy file, or prints its problems and returns {@code null}. */
    static Policy load(Path path, PrintWriter err) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(path + ": cannot read: " + e.getMessage());
            return null;
        }
        try {
            return PolicyLoader.builtIn().load(path.toString(), text);
        } catch (PolicyException e) {
            e.problems().forEach(err::println);
            return null;
        }
    }
}
