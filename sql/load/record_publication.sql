-- A state published to readers (`publications`).
insert into publications (published_at, run_id) values (current_timestamp, ?)
