package org.gatehouse.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in policies, listed in {@code policy/policies/index.txt} (the first is the default). Adding one is a data
 * change: a YAML file and a line in the index.
 */
public final class Policies {

    private static final String DIRECTORY = "/policy/policies/";

    private static volatile Policies builtIn;

    private final Map<String, Policy> byId;

    private Policies(List<Policy> policies) {
        Map<String, Policy> map = new LinkedHashMap<>();
        for (Policy policy : policies) {
            if (map.put(policy.id(), policy) != null) {
                throw new IllegalStateException("two built-in policies have id " + policy.id());
            }
        }
        this.byId = map;
    }

    /** The policies shipped with Gatehouse, loaded (and validated) on first use. */
    public static Policies builtIn() {
        Policies policies = builtIn;
        if (policies == null) {
            synchronized (Policies.class) {
                if (builtIn == null) {
                    builtIn = load(PolicyLoader.builtIn());
                }
                policies = builtIn;
            }
        }
        return policies;
    }

    /** All policies, default first. */
    public List<Policy> all() {
        return List.copyOf(byId.values());
    }

    /** The default policy ({@code us-global-2026-draft}: first in the index). */
    public Policy defaultPolicy() {
        return byId.values().iterator().next();
    }

    /** The built-in policy with this id. */
    public Optional<Policy> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static Policies load(PolicyLoader loader) {
        List<Policy> policies = new ArrayList<>();
        for (String line : PolicyLoader.resourceText(DIRECTORY + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            policies.add(loader.loadResource(DIRECTORY + name));
        }
        return new Policies(policies);
    }
}
