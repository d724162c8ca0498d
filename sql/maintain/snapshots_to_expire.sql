-- The lake's snapshots a `maintain` may expire: committed before the cutoff ($1) and older than
-- the last published one, which readers attach at (warehouse/storage/lake.py) and which is kept.
select snapshot_id
from ducklake_snapshots('news_lake')
where snapshot_time < $1
  and snapshot_id < coalesce((select max(snapshot_id) from ducklake_snapshots('news_lake')
                              where commit_message = 'published'), 0)
order by snapshot_id
