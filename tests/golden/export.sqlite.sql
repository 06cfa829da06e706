-- index citations_by_entity
CREATE INDEX citations_by_entity ON citations(entity_table, entity_id);

-- index citations_by_source
CREATE INDEX citations_by_source ON citations(source);

-- index translations_by_entity
CREATE INDEX translations_by_entity ON translations(entity_table, entity_id);

-- table areas
CREATE TABLE areas (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, total REAL, land REAL,
    water REAL, unit TEXT NOT NULL, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (town, seq)
);

-- table attestations
CREATE TABLE attestations (
    group_id TEXT NOT NULL, membership INTEGER NOT NULL, seq INTEGER NOT NULL,
    date TEXT NOT NULL, quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (group_id, membership, seq),
    FOREIGN KEY (group_id, membership) REFERENCES memberships(group_id, seq)
);

-- table citations
CREATE TABLE citations (
    source TEXT NOT NULL REFERENCES sources(id), entity_table TEXT NOT NULL,
    entity_id TEXT NOT NULL, field TEXT NOT NULL, fact TEXT NOT NULL
);

-- table cities
CREATE TABLE cities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, province TEXT, lat REAL, lon REAL, note TEXT
);

-- table city_aliases
CREATE TABLE city_aliases (
    city TEXT NOT NULL REFERENCES cities(id), alias TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (city, alias)
);

-- table city_locations
CREATE TABLE city_locations (
    city TEXT NOT NULL REFERENCES cities(id), seq INTEGER NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (city, seq)
);

-- table city_sources
CREATE TABLE city_sources (
    city TEXT NOT NULL REFERENCES cities(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (city, seq)
);

-- table claim_towns
CREATE TABLE claim_towns (
    claim TEXT NOT NULL REFERENCES claims(id), seq INTEGER NOT NULL,
    town TEXT NOT NULL REFERENCES towns(id), PRIMARY KEY (claim, seq)
);

-- table claims
CREATE TABLE claims (
    id TEXT PRIMARY KEY, statement TEXT NOT NULL, value INTEGER NOT NULL,
    relation TEXT NOT NULL, measure TEXT NOT NULL, scope TEXT NOT NULL, as_of TEXT,
    group_id TEXT REFERENCES groups(id), source TEXT NOT NULL REFERENCES sources(id), note TEXT,
    covers TEXT NOT NULL, designated_from INTEGER, designated_to INTEGER
);

-- table dataset
CREATE TABLE dataset (
    title TEXT NOT NULL, description TEXT NOT NULL, version TEXT NOT NULL,
    updated TEXT NOT NULL, licence TEXT NOT NULL, homepage TEXT
);

-- table designations
CREATE TABLE designations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, date TEXT, policy TEXT,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id), kind TEXT,
    curation TEXT, PRIMARY KEY (town, seq)
);

-- table event_links
CREATE TABLE event_links (
    event TEXT NOT NULL REFERENCES events(id), town TEXT REFERENCES towns(id),
    group_id TEXT REFERENCES groups(id), organisation TEXT REFERENCES organisations(id),
    seq INTEGER NOT NULL,
    CHECK ((town IS NOT NULL) + (group_id IS NOT NULL) + (organisation IS NOT NULL) = 1)
);

-- table event_sources
CREATE TABLE event_sources (
    event TEXT NOT NULL REFERENCES events(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (event, seq)
);

-- table events
CREATE TABLE events (
    id TEXT PRIMARY KEY, date TEXT NOT NULL, until TEXT, title TEXT NOT NULL,
    kind TEXT NOT NULL, place TEXT, note TEXT
);

-- table group_aliases
CREATE TABLE group_aliases (
    group_id TEXT NOT NULL REFERENCES groups(id), alias TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (group_id, alias)
);

-- table group_partners
CREATE TABLE group_partners (
    group_id TEXT NOT NULL REFERENCES groups(id),
    organisation TEXT NOT NULL REFERENCES organisations(id), seq INTEGER NOT NULL,
    PRIMARY KEY (group_id, organisation)
);

-- table group_sources
CREATE TABLE group_sources (
    group_id TEXT NOT NULL REFERENCES groups(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (group_id, seq)
);

-- table group_themes
CREATE TABLE group_themes (
    group_id TEXT NOT NULL REFERENCES groups(id), theme TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (group_id, theme)
);

-- table groups
CREATE TABLE groups (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, founded TEXT,
    founded_source TEXT REFERENCES sources(id), url TEXT, description TEXT, note TEXT,
    founded_note TEXT
);

-- table history
CREATE TABLE history (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, date TEXT NOT NULL,
    kind TEXT NOT NULL, what TEXT NOT NULL, note TEXT,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (town, seq)
);

-- table history_municipalities
CREATE TABLE history_municipalities (
    town TEXT NOT NULL, history_seq INTEGER NOT NULL, seq INTEGER NOT NULL,
    municipality TEXT NOT NULL, PRIMARY KEY (town, history_seq, seq),
    FOREIGN KEY (town, history_seq) REFERENCES history(town, seq)
);

-- table locations
CREATE TABLE locations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (town, seq)
);

-- table memberships
CREATE TABLE memberships (
    group_id TEXT NOT NULL REFERENCES groups(id), seq INTEGER NOT NULL,
    town TEXT NOT NULL REFERENCES towns(id), since TEXT, until TEXT, as_of TEXT, note TEXT,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (group_id, seq)
);

-- table mentions
CREATE TABLE mentions (
    group_id TEXT NOT NULL REFERENCES groups(id), seq INTEGER NOT NULL,
    town TEXT NOT NULL REFERENCES towns(id), date TEXT, quote TEXT, note TEXT,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (group_id, seq)
);

-- table organisation_aliases
CREATE TABLE organisation_aliases (
    organisation TEXT NOT NULL REFERENCES organisations(id), alias TEXT NOT NULL,
    seq INTEGER NOT NULL, PRIMARY KEY (organisation, alias)
);

-- table organisation_sources
CREATE TABLE organisation_sources (
    organisation TEXT NOT NULL REFERENCES organisations(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (organisation, seq)
);

-- table organisations
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, city TEXT, url TEXT,
    founded TEXT, founded_source TEXT REFERENCES sources(id), description TEXT, note TEXT,
    founded_note TEXT
);

-- table population_gaps
CREATE TABLE population_gaps (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, decade INTEGER NOT NULL,
    looked TEXT NOT NULL, note TEXT, PRIMARY KEY (town, seq)
);

-- table populations
CREATE TABLE populations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, latest INTEGER NOT NULL,
    count INTEGER NOT NULL, as_of TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    original TEXT REFERENCES sources(id), unit_name TEXT, curation TEXT,
    PRIMARY KEY (town, seq)
);

-- table reliefs
CREATE TABLE reliefs (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, city TEXT NOT NULL,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    city_id TEXT REFERENCES cities(id), curation TEXT, PRIMARY KEY (town, seq)
);

-- table research
CREATE TABLE research (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT,
    published_source TEXT REFERENCES sources(id), presented TEXT,
    presented_source TEXT REFERENCES sources(id), presented_place TEXT, presented_to TEXT,
    note TEXT, published_note TEXT
);

-- table research_roles
CREATE TABLE research_roles (
    research TEXT NOT NULL REFERENCES research(id), role TEXT NOT NULL,
    organisation TEXT REFERENCES organisations(id), group_id TEXT REFERENCES groups(id),
    seq INTEGER NOT NULL, CHECK ((organisation IS NULL) != (group_id IS NULL))
);

-- table research_sources
CREATE TABLE research_sources (
    research TEXT NOT NULL REFERENCES research(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (research, seq)
);

-- table research_texts
CREATE TABLE research_texts (
    research TEXT NOT NULL REFERENCES research(id), kind TEXT NOT NULL, seq INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (research, kind, seq)
);

-- table research_towns
CREATE TABLE research_towns (
    research TEXT NOT NULL REFERENCES research(id), town TEXT NOT NULL REFERENCES towns(id),
    seq INTEGER NOT NULL, PRIMARY KEY (research, town)
);

-- table sources
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT NOT NULL, published TEXT, url TEXT, note TEXT, curation TEXT
);

-- table status_views
CREATE TABLE status_views (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, status TEXT NOT NULL,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id), curation TEXT,
    PRIMARY KEY (town, seq)
);

-- table town_aliases
CREATE TABLE town_aliases (
    town TEXT NOT NULL REFERENCES towns(id), alias TEXT NOT NULL, seq INTEGER NOT NULL,
    PRIMARY KEY (town, alias)
);

-- table town_sources
CREATE TABLE town_sources (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (town, seq)
);

-- table towns
CREATE TABLE towns (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL, cbs_code TEXT NOT NULL,
    province TEXT NOT NULL, status TEXT NOT NULL, population INTEGER, population_as_of TEXT,
    population_unit TEXT, population_source TEXT REFERENCES sources(id),
    area_km2 REAL, lat REAL, lon REAL, note TEXT, population_unit_name TEXT, area_unit TEXT
);

-- table translations
CREATE TABLE translations (
    entity_table TEXT NOT NULL, entity_id TEXT, field TEXT NOT NULL, language TEXT NOT NULL,
    text TEXT NOT NULL
);

-- view designated
CREATE VIEW designated AS
    SELECT town, date, kind FROM (
        SELECT town, date, kind, row_number() OVER (
            PARTITION BY town ORDER BY kind != 'official', date,
            CASE kind WHEN 'official' THEN 0 WHEN 'decision' THEN 1 WHEN 'founding' THEN 2
            ELSE 3 END) AS n
        FROM designations
        WHERE date IS NOT NULL AND kind IN ('official', 'decision', 'founding', 'policy'))
    WHERE n = 1;

-- view municipal_areas
CREATE VIEW municipal_areas AS
    SELECT town, seq, total, land, water, note, source FROM areas WHERE unit = 'municipality';

-- view municipal_populations
CREATE VIEW municipal_populations AS
    SELECT town, seq, latest, count, as_of, unit_name, qualifier, quote, note, source, original
    FROM populations WHERE unit = 'municipality';

-- view other_unit_populations
CREATE VIEW other_unit_populations AS
    SELECT town, seq, latest, count, as_of, unit, unit_name, qualifier, quote, note, source,
           original
    FROM populations WHERE unit != 'municipality';

