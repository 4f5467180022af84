-- The same figures per calendar month, for provinces and communes: a dashboard over a long period reads whole months
-- here and only the partial months at its ends from daily_figures, so a year is about 12 + 60 rows per unit and
-- measure instead of 365, and the figures stay exact for any period. Villages keep daily rows only: a commune's
-- handful of villages is cheap to read by day. month: the first day of the month (Vietnam time, as daily_figures.day).
CREATE TABLE insights.monthly_figures (
    level   CHAR(1)     NOT NULL CHECK (level IN ('P', 'C')),
    unit    VARCHAR(20) NOT NULL,
    parent  VARCHAR(5)  NOT NULL,
    month   DATE        NOT NULL CHECK (extract(day FROM month) = 1),
    measure VARCHAR(32) NOT NULL,
    dim     VARCHAR(24) NOT NULL DEFAULT '',
    value   BIGINT      NOT NULL,
    PRIMARY KEY (level, unit, month, measure, dim) INCLUDE (value)
);

INSERT INTO insights.monthly_figures (level, unit, parent, month, measure, dim, value)
SELECT level, unit, parent, date_trunc('month', day)::date, measure, dim, sum(value)
  FROM insights.daily_figures WHERE level IN ('P', 'C')
 GROUP BY level, unit, parent, date_trunc('month', day)::date, measure, dim;

-- One index per rollup table. The children of a unit are read by their keys through the primary key (the dashboard
-- knows its communes or villages), which carries the value so that every read is an index-only scan; the second
-- index (level, parent, day) was a copy of the whole table that the rebuild had to build again (60 M rows at 10 M
-- tips).
DROP INDEX insights.daily_figures_children_idx;
ALTER TABLE insights.daily_figures DROP CONSTRAINT daily_figures_pkey,
    ADD CONSTRAINT daily_figures_pkey PRIMARY KEY (level, unit, day, measure, dim) INCLUDE (value);
