-- Clusters belong to an account of auth-service; account_id is that service's id, not a foreign key,
-- because each service owns only its own schema.
CREATE TABLE clusters (
    id         text PRIMARY KEY,
    account_id text NOT NULL,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX clusters_account_id_idx ON clusters (account_id);

CREATE TABLE branches (
    id               text PRIMARY KEY,
    cluster_id       text NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    name             text NOT NULL,
    parent_branch_id text REFERENCES branches (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (cluster_id, name)
);
