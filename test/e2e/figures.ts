import Database from 'better-sqlite3';

/** What person_figures must equal: the counts recomputed from the rows themselves ("brought in": first added through the referral). */
const RECOUNT = `
  SELECT p.id AS person_id,
    (SELECT count(*) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS meetings,
    (SELECT max(held_at) FROM meetings m WHERE m.person_id = p.id AND m.status = 'complete') AS last_met,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id) AS asks_made,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome = 'yes') AS asks_yes,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'kept') AS asks_kept,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.result = 'broken') AS asks_broken,
    (SELECT count(*) FROM asks a WHERE a.person_id = p.id AND a.outcome IN ('yes', 'maybe') AND a.result IS NULL AND a.checked_at IS NULL) AS open_asks,
    (SELECT count(*) FROM followups f WHERE f.person_id = p.id AND f.done_at IS NULL) AS open_followups,
    (SELECT count(*) FROM people r WHERE r.referred_by = p.id AND r.source = 'referral') AS referrals
  FROM people p ORDER BY p.id`;

export function figures(db: string): { kept: unknown[]; recounted: unknown[] } {
  const open = new Database(db, { readonly: true });
  try {
    return {
      kept: open.prepare(`SELECT person_id, meetings, last_met, asks_made, asks_yes, asks_kept, asks_broken, open_asks, open_followups, referrals
                          FROM person_figures ORDER BY person_id`).all(),
      recounted: open.prepare(RECOUNT).all(),
    };
  } finally {
    open.close();
  }
}

