-- Review of extraction suggestions: a fingerprint makes re-running extraction on a source add
-- only what is new (accepted and rejected suggestions stay as they were); the case a suggestion
-- is for keeps it hidden with a restricted case; disputes name existing records it contradicts.
ALTER TABLE suggestions ADD COLUMN fingerprint text NOT NULL;
ALTER TABLE suggestions ADD COLUMN disputes uuid[] NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX suggestions_source_fingerprint ON suggestions (source_id, fingerprint);

-- Organisations and places are named by sources too: a claim can rest on a mention of them.
ALTER TABLE claims DROP CONSTRAINT claims_record_type_check;
ALTER TABLE claims ADD CONSTRAINT claims_record_type_check CHECK (record_type IN ('case', 'person',
  'organization', 'place', 'detention_period', 'event', 'health_condition', 'care_request', 'visit'));
