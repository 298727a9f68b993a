-- The case model of DESIGN.md. One PostgreSQL dialect for the embedded store (PGlite, PG 18) and
-- for a PostgreSQL server (16+; CI runs 15, so nothing newer than 15 is used here).
-- A date with precision is four columns: <name> (the EDTF text the user gave), <name>_earliest and
-- <name>_latest (the first and last possible day, for sorting and comparing) and <name>_precision.
-- Nothing is hard-deleted: records carry retracted_at, and the audit log refuses UPDATE and DELETE.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE login_failures (
  username text NOT NULL,
  client_ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_at ON login_failures (username, at);

CREATE TABLE persons (
  id uuid PRIMARY KEY,
  canonical_name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  birth_year integer,
  gender text CHECK (gender IN ('female', 'male', 'other', 'unknown')),
  nationality text,
  positions jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  kind text NOT NULL CHECK (kind IN ('court', 'ngo', 'party', 'government', 'prison_service',
    'monitoring_body', 'international', 'media', 'other')),
  country text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);

CREATE TABLE places (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  aliases text[] NOT NULL DEFAULT '{}',
  kind text NOT NULL CHECK (kind IN ('country', 'region', 'city', 'facility')),
  parent_id uuid REFERENCES places (id),
  facility_type text CHECK (facility_type IN ('pre_trial_centre', 'prison_colony', 'prison',
    'police_station', 'hospital', 'psychiatric_hospital', 'immigration_centre', 'military_facility', 'other')),
  country text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);

-- Every spelling of every person, organisation and place, folded to one Latin search key
-- (transliterated, unaccented, lower-cased) for fuzzy matching across scripts.
CREATE TABLE entity_names (
  entity_type text NOT NULL CHECK (entity_type IN ('person', 'organization', 'place')),
  entity_id uuid NOT NULL,
  name text NOT NULL,
  search_key text NOT NULL,
  PRIMARY KEY (entity_type, entity_id, name)
);
CREATE INDEX entity_names_key_trgm ON entity_names USING gin (search_key gin_trgm_ops);
CREATE INDEX entity_names_entity ON entity_names (entity_id);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  subject_person_id uuid NOT NULL REFERENCES persons (id),
  status text NOT NULL CHECK (status IN ('detained', 'released', 'abroad_for_treatment',
    'conditional_release', 'deceased', 'unknown')),
  confidentiality text NOT NULL CHECK (confidentiality IN ('public', 'internal', 'restricted')),
  country text,
  tags text[] NOT NULL DEFAULT '{}',
  summary text,
  team_user_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
CREATE INDEX cases_subject ON cases (subject_person_id);
CREATE INDEX cases_created ON cases (created_at, id);

CREATE TABLE grants (
  user_id uuid NOT NULL REFERENCES users (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  revoked_at timestamptz,
  PRIMARY KEY (user_id, case_id)
);
CREATE INDEX grants_case ON grants (case_id);

CREATE TABLE detention_periods (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  start text NOT NULL,
  start_earliest date,
  start_latest date,
  start_precision text NOT NULL,
  "end" text,
  end_earliest date,
  end_latest date,
  end_precision text,
  facility_id uuid REFERENCES places (id),
  basis text CHECK (basis IN ('pre_trial', 'sentence', 'administrative')),
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz,
  CHECK (end_latest IS NULL OR start_earliest IS NULL OR end_latest >= start_earliest)
);
CREATE INDEX detention_periods_case ON detention_periods (case_id);

CREATE TABLE events (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  type text NOT NULL CHECK (type IN ('arrest', 'detention', 'charge', 'hearing', 'verdict',
    'sentence', 'appeal', 'annulment', 'retrial', 'release', 'transfer', 'medical_request',
    'medical_denied', 'medical_treatment', 'medical_examination', 'travel_permission',
    'health_decline', 'mistreatment', 'injury_documented', 'investigation',
    'solitary_confinement', 'visit', 'recommendation', 'family_contact', 'lawyer_contact',
    'public_appeal', 'statement', 'hunger_strike', 'death_in_custody')),
  date text,
  date_earliest date,
  date_latest date,
  date_precision text,
  place_id uuid REFERENCES places (id),
  attributes jsonb NOT NULL DEFAULT '{}',
  description text,
  search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(description, '') || ' ' || replace(type, '_', ' '))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
-- The timeline: a case's events in date order, partial dates by their first possible day and
-- dates open at the start ("before May 2022") by their last.
CREATE INDEX events_case_timeline ON events (case_id, (coalesce(date_earliest, date_latest)), date_latest, created_at, id);
CREATE INDEX events_search ON events USING gin (search);

CREATE TABLE event_participants (
  event_id uuid NOT NULL REFERENCES events (id),
  position integer NOT NULL,
  person_id uuid REFERENCES persons (id),
  organization_id uuid REFERENCES organizations (id),
  role text NOT NULL CHECK (role IN ('subject', 'perpetrator', 'decision_maker', 'advocate',
    'visitor', 'witness', 'medical', 'lawyer', 'relative')),
  PRIMARY KEY (event_id, position),
  CHECK ((person_id IS NULL) <> (organization_id IS NULL))
);
CREATE INDEX event_participants_person ON event_participants (person_id);
CREATE INDEX event_participants_organization ON event_participants (organization_id);

CREATE TABLE health_conditions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  name text NOT NULL,
  onset text,
  onset_earliest date,
  onset_latest date,
  onset_precision text,
  severity text NOT NULL DEFAULT 'unknown' CHECK (severity IN ('mild', 'moderate', 'severe', 'critical', 'unknown')),
  specialist_care_needed boolean NOT NULL DEFAULT false,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
CREATE INDEX health_conditions_case ON health_conditions (case_id);

CREATE TABLE care_requests (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  condition_id uuid REFERENCES health_conditions (id),
  requested_on text NOT NULL,
  requested_on_earliest date,
  requested_on_latest date,
  requested_on_precision text NOT NULL,
  requested_by_person_id uuid REFERENCES persons (id),
  requested_by_organization_id uuid REFERENCES organizations (id),
  addressed_to_organization_id uuid REFERENCES organizations (id),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
  status text NOT NULL CHECK (status IN ('open', 'granted', 'denied', 'fulfilled', 'unanswered')),
  answered_by_event_ids uuid[] NOT NULL DEFAULT '{}',
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
CREATE INDEX care_requests_case ON care_requests (case_id);

CREATE TABLE visits (
  id uuid PRIMARY KEY,
  facility_id uuid REFERENCES places (id),
  date text NOT NULL,
  date_earliest date,
  date_latest date,
  date_precision text NOT NULL,
  visiting_body_id uuid REFERENCES organizations (id),
  visitor_person_ids uuid[] NOT NULL DEFAULT '{}',
  case_ids uuid[] NOT NULL DEFAULT '{}',
  findings jsonb NOT NULL DEFAULT '[]',
  recommendations jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
CREATE INDEX visits_cases ON visits USING gin (case_ids);

CREATE TABLE sources (
  id uuid PRIMARY KEY,
  title text NOT NULL,
  publisher text,
  author text,
  url text,
  published_date text,
  published_date_earliest date,
  published_date_latest date,
  published_date_precision text,
  language text,
  text text NOT NULL DEFAULT '',
  original bytea,
  original_filename text,
  media_type text,
  -- SHA-256 of the original bytes (or of the text when there is no file); null when empty.
  sha256 text,
  reliability text NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  case_ids uuid[] NOT NULL DEFAULT '{}',
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', left(text, 500000)), 'B')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz
);
CREATE INDEX sources_search ON sources USING gin (search);
CREATE INDEX sources_sha256 ON sources (sha256);
CREATE INDEX sources_cases ON sources USING gin (case_ids);

CREATE TABLE claims (
  id uuid PRIMARY KEY,
  record_type text NOT NULL CHECK (record_type IN ('case', 'person', 'detention_period', 'event',
    'health_condition', 'care_request', 'visit')),
  record_id uuid NOT NULL,
  -- The case the record belongs to, kept so that a restricted case's claims stay hidden with it.
  case_id uuid REFERENCES cases (id),
  field text,
  source_id uuid NOT NULL REFERENCES sources (id),
  start integer NOT NULL CHECK (start >= 0),
  "end" integer NOT NULL,
  quote text NOT NULL,
  stance text NOT NULL CHECK (stance IN ('supports', 'disputes')),
  credibility integer NOT NULL CHECK (credibility BETWEEN 1 AND 6),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  retracted_at timestamptz,
  CHECK ("end" > start)
);
CREATE INDEX claims_record ON claims (record_id);
CREATE INDEX claims_source ON claims (source_id);

-- What extraction proposes from a source, waiting for a person's decision (filled by intake).
CREATE TABLE suggestions (
  id uuid PRIMARY KEY,
  source_id uuid NOT NULL REFERENCES sources (id),
  kind text NOT NULL CHECK (kind IN ('person', 'organization', 'place', 'event', 'date')),
  payload jsonb NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'merged', 'rejected')),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  result_record_type text,
  result_record_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suggestions_source ON suggestions (source_id);

-- Standards findings that hold for a case (filled by the standards engine).
CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  rule_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'warning', 'undetermined')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  evidence uuid[] NOT NULL DEFAULT '{}',
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  acknowledgement text
);
CREATE INDEX alerts_case ON alerts (case_id);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry).
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  record_type text NOT NULL,
  record_id text NOT NULL,
  before jsonb,
  after jsonb,
  -- The cases an entry is about: readers see only entries about cases they may see.
  case_ids uuid[] NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_record ON audit_log (record_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
