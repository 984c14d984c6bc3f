-- What each indicator counts, before roll-up: filled by the indicator engine from each catalogued indicator's SQL.
CREATE TABLE indicator_contribution (
    indicator_id   VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    district_code  VARCHAR NOT NULL,
    industry_group VARCHAR NOT NULL,
    size_class     VARCHAR NOT NULL,
    unit_id        VARCHAR NOT NULL,
    enterprise_id  VARCHAR,
    num            DECIMAL(38,4),   -- amounts are summed exactly (a sum of doubles prints as 845740.0000000008)
    den            DECIMAL(38,4),
    weight         DOUBLE,
    flag           DOUBLE
);
