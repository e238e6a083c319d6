package io.pgdispatch.auth.link;

/** A person as the OIDC provider names them: the {@code iss} and {@code sub} claims of their ID token. */
public record LoginIdentity(String issuer, String subject) {
}
