-- Who filed each position (the applicant's organization), so that an exporter can be shown its own organization's
-- part of a measure and nothing of other organizations' filings (issue 9: dry runs disclosed holdings).
ALTER TABLE ledger_position ADD COLUMN organization_id uuid REFERENCES organization (id);
UPDATE ledger_position p SET organization_id = a.organization_id FROM application a WHERE a.id = p.application_id;
CREATE INDEX ledger_position_organization ON ledger_position (organization_id, parent_key, destination);

-- The assessment as its applicant may read it: the measures show only the applicant organization's own filings.
-- Rows assessed before this migration keep their numbers hidden: the measure sentences say what was counted, not how
-- much.
ALTER TABLE application ADD COLUMN applicant_assessment jsonb;
UPDATE application
SET applicant_assessment = jsonb_set(
        jsonb_set(assessment, '{measure_after_gb300e}', 'null'::jsonb),
        '{explanation}',
        coalesce((SELECT jsonb_agg(
                             CASE WHEN sentence LIKE 'Measure %'
                                  THEN to_jsonb(split_part(sentence, ':', 1)
                                       || ': counted with every filing for the same company, also other'
                                       || ' organizations'' (not shown).')
                                  ELSE to_jsonb(sentence) END
                             ORDER BY ordinality)
                  FROM jsonb_array_elements_text(assessment -> 'explanation') WITH ORDINALITY AS e(sentence, ordinality)),
                 '[]'::jsonb))
WHERE assessment IS NOT NULL;
ALTER TABLE application ADD CONSTRAINT application_applicant_assessment
    CHECK ((assessment IS NULL) = (applicant_assessment IS NULL));
