select
    (select count(*) from articles) as articles,
    (select count(*) from entities) as entities,
    (select count(*) from mentions) as mentions,
    (select count(*) from amounts) as amounts
