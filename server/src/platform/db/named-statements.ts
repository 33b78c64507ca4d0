import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { isCopy } from './copy.ts';

/** How often a statement's text must have run before it is prepared; how many each connection may hold. */
const HOT_AFTER = 3;
const MAX_PER_CONNECTION = 256;
const MAX_COUNTED = 5_000;

/**
 * PostgreSQL: statements that run again and again (a read's one statement, the session lookup) become named prepared
 * statements on each pooled connection, so the server parses and analyses their text once per connection instead of
 * on every request (bench/: the read path). A text is prepared once it has run `HOT_AFTER` times, and a connection
 * holds at most `MAX_PER_CONNECTION` of them (later texts run unnamed), so one-off statements (imports, analytics with
 * ever-new literals) never fill the server's memory. The planner still chooses between a custom and a generic plan
 * per execution (plan_cache_mode auto); statements without parameters (multi-statement texts) are never named.
 */
export function namedStatementsPool(pool: pg.Pool): PostgresPool {
  const seen = new Map<string, number>();
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const nameOf = (text: string) => `tdm_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    const named = new Map<string, string>();
    const query = (text: unknown, values?: readonly unknown[]): unknown => {
      // A COPY (copy.ts) goes to the client as it came: it streams its one parameter, it is never prepared.
      if (typeof text !== 'string' || !values?.length || isCopy(text, values)) {
        return (client.query as (...a: unknown[]) => unknown)(text, values);
      }
      let name = named.get(text);
      if (!name && named.size < MAX_PER_CONNECTION) {
        const count = (seen.get(text) ?? 0) + 1;
        if (seen.size >= MAX_COUNTED) {
          seen.clear();
        }
        seen.set(text, count);
        if (count >= HOT_AFTER) {
          name = nameOf(text);
          named.set(text, name);
        }
      }
      return name ? client.query({ name, text, values: [...values] }) : client.query(text, [...values]);
    };
    return { query, release: () => client.release() } as PostgresPoolClient;
  }

  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
