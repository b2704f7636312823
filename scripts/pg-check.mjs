// `node scripts/pg-check.mjs`: whether the PostgreSQL server the tests use answers (PG_TEST_URL, by
// default the one every project machine runs: postgres://postgres@127.0.0.1:5432/test). Waits up to
// WAIT seconds (default 20) for it; exits 0 once it answers, 1 if it never does. .ci/run calls it:
// under CI the PostgreSQL tests must run, not skip.
import pg from 'pg';

const url = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const deadline = Date.now() + Number(process.env.WAIT ?? 20) * 1000;
let last = '';
while (Date.now() < deadline) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    process.stdout.write(`PostgreSQL ${rows[0].server_version} answers at ${url}\n`);
    await client.end();
    process.exit(0);
  } catch (error) {
    last = error.message;
    await client.end().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
process.stderr.write(`PostgreSQL does not answer at ${url}: ${last}\n`);
process.exit(1);
