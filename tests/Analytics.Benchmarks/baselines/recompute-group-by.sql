-- The snapshots' counts written by hand as GROUP BY queries, the baseline of `analytics recompute --all` (issue 10).
-- Run against the product's own database: sqlite3 DATA/analytics.db < recompute-group-by.sql. Results go to TEMP tables,
-- so the database is left as it was. Like the snapshots, breakdowns count attendees where an event's attendance is known
-- and RSVP-yes registrations elsewhere; profile breakdowns only rows with a profile. Each cell gets its rows, its distinct
-- persons (rows without a key each count once) and its cell key (sum of record keys mod 1). Headcounts per scope count
-- registered, attended and guests. Reach, the tie network, balance against targets and the subsets are NOT computed here:
-- the baseline does less than the product, which RESULTS.md says beside the ratio.
PRAGMA temp_store = MEMORY;
CREATE TEMP TABLE known AS SELECT DISTINCT EventId FROM Participations WHERE Attendance <> 'Unknown';
CREATE TEMP TABLE counted AS
  SELECT p.EventId, e.Slug, strftime('%Y', e.StartsAtUtc) || 'Q' || ((CAST(strftime('%m', e.StartsAtUtc) AS INTEGER) + 2) / 3) AS Quarter,
         p.AttendeeKey, p.HasProfile, p.RoleCode, p.SectorCode, p.ProfessionCode, p.OrganisationId, p.UnmappedOrganisation,
         p.MunicipalityCode, p.RecordKey
  FROM Participations p JOIN Events e ON e.Id = p.EventId
  WHERE CASE WHEN p.EventId IN (SELECT EventId FROM known) THEN p.Attendance = 'Attended' ELSE p.Rsvp = 'Yes' END;
CREATE TEMP TABLE tallies (scope_kind TEXT, scope_key TEXT, dimension TEXT, code TEXT, rows INTEGER, persons INTEGER, key_sum REAL);
CREATE TEMP TABLE headcounts (scope_kind TEXT, scope_key TEXT, registered INTEGER, attended INTEGER, guests INTEGER, counted INTEGER, with_profile INTEGER);
INSERT INTO tallies
  SELECT 'event', c.Slug, 'sector', c.SectorCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.SectorCode IS NOT NULL GROUP BY c.Slug, c.SectorCode;
INSERT INTO tallies
  SELECT 'event', c.Slug, 'profession', c.ProfessionCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.ProfessionCode IS NOT NULL GROUP BY c.Slug, c.ProfessionCode;
INSERT INTO tallies
  SELECT 'event', c.Slug, 'organisation', COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad'), COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND (c.OrganisationId IS NOT NULL OR c.UnmappedOrganisation IS NOT NULL) AND COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad') IS NOT NULL GROUP BY c.Slug, COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad');
INSERT INTO tallies
  SELECT 'event', c.Slug, 'municipality', c.MunicipalityCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.MunicipalityCode IS NOT NULL GROUP BY c.Slug, c.MunicipalityCode;
INSERT INTO tallies
  SELECT 'event', c.Slug, 'role', c.RoleCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE 1 AND c.RoleCode IS NOT NULL GROUP BY c.Slug, c.RoleCode;
INSERT INTO tallies
  SELECT 'quarter', c.Quarter, 'sector', c.SectorCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.SectorCode IS NOT NULL GROUP BY c.Quarter, c.SectorCode;
INSERT INTO tallies
  SELECT 'quarter', c.Quarter, 'profession', c.ProfessionCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.ProfessionCode IS NOT NULL GROUP BY c.Quarter, c.ProfessionCode;
INSERT INTO tallies
  SELECT 'quarter', c.Quarter, 'organisation', COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad'), COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND (c.OrganisationId IS NOT NULL OR c.UnmappedOrganisation IS NOT NULL) AND COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad') IS NOT NULL GROUP BY c.Quarter, COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad');
INSERT INTO tallies
  SELECT 'quarter', c.Quarter, 'municipality', c.MunicipalityCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.MunicipalityCode IS NOT NULL GROUP BY c.Quarter, c.MunicipalityCode;
INSERT INTO tallies
  SELECT 'quarter', c.Quarter, 'role', c.RoleCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE 1 AND c.RoleCode IS NOT NULL GROUP BY c.Quarter, c.RoleCode;
INSERT INTO tallies
  SELECT 'host', CAST(h.OrganisationId AS TEXT), 'sector', c.SectorCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c JOIN EventHosts h ON h.EventId = c.EventId WHERE c.HasProfile AND c.SectorCode IS NOT NULL GROUP BY CAST(h.OrganisationId AS TEXT), c.SectorCode;
INSERT INTO tallies
  SELECT 'host', CAST(h.OrganisationId AS TEXT), 'profession', c.ProfessionCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c JOIN EventHosts h ON h.EventId = c.EventId WHERE c.HasProfile AND c.ProfessionCode IS NOT NULL GROUP BY CAST(h.OrganisationId AS TEXT), c.ProfessionCode;
INSERT INTO tallies
  SELECT 'host', CAST(h.OrganisationId AS TEXT), 'organisation', COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad'), COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c JOIN EventHosts h ON h.EventId = c.EventId WHERE c.HasProfile AND (c.OrganisationId IS NOT NULL OR c.UnmappedOrganisation IS NOT NULL) AND COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad') IS NOT NULL GROUP BY CAST(h.OrganisationId AS TEXT), COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad');
INSERT INTO tallies
  SELECT 'host', CAST(h.OrganisationId AS TEXT), 'municipality', c.MunicipalityCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c JOIN EventHosts h ON h.EventId = c.EventId WHERE c.HasProfile AND c.MunicipalityCode IS NOT NULL GROUP BY CAST(h.OrganisationId AS TEXT), c.MunicipalityCode;
INSERT INTO tallies
  SELECT 'host', CAST(h.OrganisationId AS TEXT), 'role', c.RoleCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c JOIN EventHosts h ON h.EventId = c.EventId WHERE 1 AND c.RoleCode IS NOT NULL GROUP BY CAST(h.OrganisationId AS TEXT), c.RoleCode;
INSERT INTO tallies
  SELECT 'alltime', 'all', 'sector', c.SectorCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.SectorCode IS NOT NULL GROUP BY 'all', c.SectorCode;
INSERT INTO tallies
  SELECT 'alltime', 'all', 'profession', c.ProfessionCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.ProfessionCode IS NOT NULL GROUP BY 'all', c.ProfessionCode;
INSERT INTO tallies
  SELECT 'alltime', 'all', 'organisation', COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad'), COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND (c.OrganisationId IS NOT NULL OR c.UnmappedOrganisation IS NOT NULL) AND COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad') IS NOT NULL GROUP BY 'all', COALESCE(CAST(c.OrganisationId AS TEXT), 'ej-mappad');
INSERT INTO tallies
  SELECT 'alltime', 'all', 'municipality', c.MunicipalityCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE c.HasProfile AND c.MunicipalityCode IS NOT NULL GROUP BY 'all', c.MunicipalityCode;
INSERT INTO tallies
  SELECT 'alltime', 'all', 'role', c.RoleCode, COUNT(*), COUNT(DISTINCT c.AttendeeKey) + SUM(c.AttendeeKey IS NULL), SUM(c.RecordKey) % 1
  FROM counted c WHERE 1 AND c.RoleCode IS NOT NULL GROUP BY 'all', c.RoleCode;
INSERT INTO headcounts (scope_kind, scope_key, registered, attended, guests)
  SELECT 'event', e.Slug, SUM(CASE WHEN p.Rsvp = 'Yes' THEN 1 + p.Guests ELSE 0 END),
         SUM(CASE WHEN p.Attendance = 'Attended' THEN 1 + p.Guests ELSE 0 END), SUM(CASE WHEN p.Rsvp = 'Yes' THEN p.Guests ELSE 0 END)
  FROM Participations p JOIN Events e ON e.Id = p.EventId GROUP BY e.Slug;
INSERT INTO headcounts (scope_kind, scope_key, registered, attended, guests)
  SELECT 'quarter', strftime('%Y', e.StartsAtUtc) || 'Q' || ((CAST(strftime('%m', e.StartsAtUtc) AS INTEGER) + 2) / 3), SUM(CASE WHEN p.Rsvp = 'Yes' THEN 1 + p.Guests ELSE 0 END),
         SUM(CASE WHEN p.Attendance = 'Attended' THEN 1 + p.Guests ELSE 0 END), SUM(CASE WHEN p.Rsvp = 'Yes' THEN p.Guests ELSE 0 END)
  FROM Participations p JOIN Events e ON e.Id = p.EventId GROUP BY strftime('%Y', e.StartsAtUtc) || 'Q' || ((CAST(strftime('%m', e.StartsAtUtc) AS INTEGER) + 2) / 3);
INSERT INTO headcounts (scope_kind, scope_key, registered, attended, guests)
  SELECT 'host', CAST(h.OrganisationId AS TEXT), SUM(CASE WHEN p.Rsvp = 'Yes' THEN 1 + p.Guests ELSE 0 END),
         SUM(CASE WHEN p.Attendance = 'Attended' THEN 1 + p.Guests ELSE 0 END), SUM(CASE WHEN p.Rsvp = 'Yes' THEN p.Guests ELSE 0 END)
  FROM Participations p JOIN EventHosts h ON h.EventId = p.EventId GROUP BY CAST(h.OrganisationId AS TEXT);
INSERT INTO headcounts (scope_kind, scope_key, registered, attended, guests)
  SELECT 'alltime', 'all', SUM(CASE WHEN p.Rsvp = 'Yes' THEN 1 + p.Guests ELSE 0 END),
         SUM(CASE WHEN p.Attendance = 'Attended' THEN 1 + p.Guests ELSE 0 END), SUM(CASE WHEN p.Rsvp = 'Yes' THEN p.Guests ELSE 0 END)
  FROM Participations p GROUP BY 'all';
SELECT scope_kind, COUNT(DISTINCT scope_key) AS scopes, COUNT(*) AS cells FROM tallies GROUP BY scope_kind ORDER BY scope_kind;
