-- How many snapshots the lake keeps (each can be attached with `snapshot_version`).
select count(*) from ducklake_snapshots('news_lake')
