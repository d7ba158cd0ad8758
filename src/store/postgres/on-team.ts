import type { Query } from './client.js';

/** Whether `team init` has run on this database: its tables and functions exist only then. */
export async function onTeam(q: Query): Promise<boolean> {
  return (await q.row<{ team: boolean }>(`SELECT to_regclass('organizers') IS NOT NULL AS team`))?.team ?? false;
}
