package io.pgdispatch.router.cluster;

import io.pgdispatch.contract.target.ResourceName;

/** Quotes a name the caller gave for an error message, cut short so that a huge value cannot bloat the reply. */
public final class Quoted {

    private Quoted() {
    }

    public static String of(String value) {
        if (value.length() <= ResourceName.MAX_LENGTH) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, ResourceName.MAX_LENGTH) + "...\"";
    }
}
