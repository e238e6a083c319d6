-- One row per compute: where it runs and what state it is in. compute-manager is the only writer.
CREATE TABLE compute.computes (
    id             text        PRIMARY KEY,
    account_id     text        NOT NULL,
    cluster_id     text        NOT NULL,
    branch_id      text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('PRIMARY')),
    state          text        NOT NULL CHECK (state IN ('STOPPED', 'STARTING', 'RUNNING', 'SUSPENDING')),
    host           text,
    port           integer,
    data_dir       text,
    last_active_at timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (cluster_id, branch_id, kind)
);
