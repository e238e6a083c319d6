-- Whether a connection may name the cluster in its options; when false only the cluster's endpoints reach it.
ALTER TABLE clusters ADD COLUMN options_routing_allowed boolean NOT NULL DEFAULT true;

-- Lets an endpoint refer to a branch and its cluster together, so that its branch is always one of its cluster's.
ALTER TABLE branches ADD CONSTRAINT branches_cluster_id_id_key UNIQUE (cluster_id, id);

-- A pre-defined target of a cluster with its own access rules. account_id repeats the cluster's so that the
-- management API finds an account's endpoints without a join; it is copied from the cluster on insert.
CREATE TABLE endpoints (
    id                    text PRIMARY KEY,
    account_id            text NOT NULL,
    cluster_id            text NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    branch_id             text NOT NULL,
    -- The point in time the endpoint serves: at most one of the two; neither means the branch as it is now.
    at_timestamp          timestamptz,
    at_lsn                pg_lsn,
    read_replica          boolean NOT NULL DEFAULT false,
    -- Canonical AddressRange strings; empty allows every client address.
    allowed_addresses     text[] NOT NULL DEFAULT '{}',
    allowed_vpc_endpoints text[] NOT NULL DEFAULT '{}',
    vpc_only              boolean NOT NULL DEFAULT false,
    -- host:port or [IPv6]:port of a dedicated listener; one endpoint per address.
    listen_address        text UNIQUE,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (at_timestamp IS NULL OR at_lsn IS NULL),
    -- NO ACTION, checked at the end of the statement: deleting a branch that endpoints use fails, while deleting
    -- the whole cluster removes its endpoints by the cascade above before the check runs.
    FOREIGN KEY (cluster_id, branch_id) REFERENCES branches (cluster_id, id) ON DELETE NO ACTION
);

CREATE INDEX endpoints_cluster_id_idx ON endpoints (cluster_id);
CREATE INDEX endpoints_account_id_idx ON endpoints (account_id);
