-- Computes of a branch at a point in time, beside its primary: one shared compute per branch and point. The point
-- is kept in PointInTime's text form ('time:<instant>' or 'lsn:<X/X>'); '' is the branch as it is now.
ALTER TABLE compute.computes DROP CONSTRAINT computes_kind_check;
ALTER TABLE compute.computes ADD CONSTRAINT computes_kind_check CHECK (kind IN ('PRIMARY', 'POINT_IN_TIME'));
ALTER TABLE compute.computes ADD COLUMN point_in_time text NOT NULL DEFAULT '';
ALTER TABLE compute.computes ADD CONSTRAINT computes_point_matches_kind
    CHECK ((kind = 'POINT_IN_TIME') = (point_in_time <> ''));
ALTER TABLE compute.computes DROP CONSTRAINT computes_cluster_id_branch_id_kind_key;
ALTER TABLE compute.computes ADD CONSTRAINT computes_target_key UNIQUE (cluster_id, branch_id, kind, point_in_time);
