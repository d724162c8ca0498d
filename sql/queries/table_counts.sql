-- Row counts of the star schema and operational tables, for `news-warehouse status`.
select 'articles' as table_name, count(*) as row_count from articles
union all select 'entities', count(*) from entities
union all select 'mentions', count(*) from mentions
union all select 'amounts', count(*) from amounts
union all select 'deliveries', count(*) from deliveries
union all select 'source_files', count(*) from source_files
union all select 'rejections', count(*) from rejections
union all select 'runs', count(*) from runs
