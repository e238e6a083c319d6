-- Read replicas beside primaries and points in time: one shared replica per branch, and one-off replicas that
-- belong to one proxy session each and are removed when it ends.
ALTER TABLE compute.computes DROP CONSTRAINT computes_kind_check;
ALTER TABLE compute.computes ADD CONSTRAINT computes_kind_check
    CHECK (kind IN ('PRIMARY', 'POINT_IN_TIME', 'REPLICA', 'ONE_OFF_REPLICA'));
ALTER TABLE compute.computes ADD COLUMN session_id text NOT NULL DEFAULT '';
ALTER TABLE compute.computes ADD CONSTRAINT computes_session_matches_kind
    CHECK ((kind = 'ONE_OFF_REPLICA') = (session_id <> ''));
ALTER TABLE compute.computes DROP CONSTRAINT computes_target_key;
ALTER TABLE compute.computes ADD CONSTRAINT computes_target_key
    UNIQUE (cluster_id, branch_id, kind, point_in_time, session_id);
