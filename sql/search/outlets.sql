-- Outlets the warehouse holds articles of, by name.
select distinct outlet from articles where outlet is not null order by outlet
