-- Branches whose storage compute-manager removed. A request for one is refused, so that a compute is never made
-- afresh (an empty database) for a branch that router-service still lists after a failure halfway.
CREATE TABLE compute.deleted_branches (
    cluster_id text        NOT NULL,
    branch_id  text        NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, branch_id)
);
