-- A place is the same row for every article that names it: new ones only.
insert or ignore into places (
    place_id, kind, name, country_code, region_code, admin1_code, admin1_name, geonameid, latitude, longitude, population
)
select place_id, kind, name, country_code, region_code, admin1_code, admin1_name, geonameid, latitude, longitude, population
from batch_places
