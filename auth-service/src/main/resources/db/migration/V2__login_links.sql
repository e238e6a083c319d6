-- Login by link: a person logs in to the web page through an OpenID Connect provider, as an identity (issuer and
-- subject of the provider's ID token) that an account registered through the management API.
CREATE TABLE auth.login_identities (
    issuer     text        NOT NULL,
    subject    text        NOT NULL,
    account_id text        NOT NULL REFERENCES auth.accounts (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);

CREATE INDEX login_identities_account_id ON auth.login_identities (account_id);

-- One waiting connection to start.<domain>. The id is the secret in the link's URL. Once confirmed, the row says
-- where the connection goes (a cluster and branch, or an endpoint) and as which role. Every replica of auth-service
-- reads the same rows, so the proxy may wait on one replica while the browser reaches another.
CREATE TABLE auth.link_sessions (
    id             text        PRIMARY KEY,
    client_address text        NOT NULL,
    state          text        NOT NULL DEFAULT 'pending'
                               CHECK (state IN ('pending', 'confirmed', 'cancelled', 'abandoned')),
    account_id     text        REFERENCES auth.accounts (id) ON DELETE CASCADE,
    cluster_id     text,
    branch_name    text,
    endpoint_id    text,
    role_name      text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    CHECK (state <> 'confirmed' OR (account_id IS NOT NULL AND role_name IS NOT NULL
                                    AND (cluster_id IS NOT NULL OR endpoint_id IS NOT NULL)))
);

CREATE INDEX link_sessions_expires_at ON auth.link_sessions (expires_at);

-- The target a link page offers first for an account, in the page's own form: branch:<cluster-id>/<branch> or
-- endpoint:<endpoint-id>. Without one, a cluster named main comes first, else the oldest cluster.
CREATE TABLE auth.link_targets (
    account_id text        PRIMARY KEY REFERENCES auth.accounts (id) ON DELETE CASCADE,
    target     text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
