import { postgresBin, startCluster, type Cluster } from './postgres.js';

let cluster: Cluster | undefined;

/** One PostgreSQL cluster for the whole run when the server is installed; CI (ONEONONE_REQUIRE_PG=1) insists on it. */
export async function setup(): Promise<void> {
  if (process.env.ONEONONE_TEST_PG) return;
  if (!postgresBin()) {
    if (process.env.ONEONONE_REQUIRE_PG) throw new Error('ONEONONE_REQUIRE_PG is set but PostgreSQL is not installed');
    process.stderr.write('note: PostgreSQL is not installed, so the PostgreSQL suite was not run (apt-get install postgresql, then npm test)\n');
    return;
  }
  cluster = startCluster();
  process.env.ONEONONE_TEST_PG = cluster.socketDir;
}

export async function teardown(): Promise<void> {
  cluster?.stop();
}
