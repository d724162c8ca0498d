-- A place is the same row for every article that names it: new ones only.
-- Written without `insert or ignore` (it needs an enforced key): the same SQL runs on the
-- DuckLake layout, which has none (README, "Layouts").
insert into places (
    place_id, kind, name, country_code, region_code, admin1_code, admin1_name, geonameid, latitude, longitude, population
)
select place_id, kind, name, country_code, region_code, admin1_code, admin1_name, geonameid, latitude, longitude, population
from batch_places as b
where not exists (select 1 from places as p where p.place_id = b.place_id)
qualify row_number() over (partition by place_id) = 1
