-- How many inbox files did not simply load (the status list shows the most recent 20).
select count(*)
from source_files
where status <> 'loaded'
