package org.gatehouse.policy;

import java.util.Objects;

/** Which policy produced an assessment: its id, version and the SHA-256 of its canonical form (SPEC §3). */
public record PolicyRef(String id, String version, String sha256) {

    public PolicyRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static PolicyRef of(Policy policy) {
        return new PolicyRef(policy.id(), policy.version(), policy.sha256());
    }

    @Override
    public String toString() {
        return id + "@" + version + " sha256:" + sha256;
    }
}
