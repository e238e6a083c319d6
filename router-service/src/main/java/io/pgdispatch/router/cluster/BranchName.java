package io.pgdispatch.router.cluster;

import io.pgdispatch.contract.target.ResourceName;

/** The rule for a branch name: it is part of connection options and host names, so it must be a DNS label. */
public final class BranchName {

    private BranchName() {
    }

    /** Returns the name unchanged, or throws {@link InvalidBranchNameException} saying what is wrong with it. */
    public static String requireValid(String name) {
        ResourceName.problem(name).ifPresent(problem -> {
            throw new InvalidBranchNameException(problem);
        });
        return name;
    }
}
