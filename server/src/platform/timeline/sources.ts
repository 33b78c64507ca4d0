import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import type { RequestContext } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';

/**
 * The party timeline is owned by the parties module, but many modules have something to say on it
 * (cases, transactions, survey answers…). A module contributes a `TimelineSource` at start-up; the
 * timeline merges every source's keys in one keyset-paged SQL union, then asks each source to load
 * the entries on the page. The platform only holds the registry; it never knows a module.
 */
export const timelineEventSchema = z
  .object({
    source: z.string().describe('The contributing source, e.g. case, transaction, survey_response'),
    kind: z
      .string()
      .describe('What happened, `<source>.<event>` (the web translates it as timelineEvents.<source>.<event>)'),
    title: z.string().describe('User data that names the entry: a case subject, a product, a survey title'),
    detail: z.string().nullable(),
    href: z.string().nullable().describe('Where the web app shows the record, e.g. /service/cases/<id>'),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export interface TimelineSource {
  /** Unique name: the value accepted in `?types=` and reported as `event.source`. Lower case, [a-z_]. */
  type: string;
  /**
   * SQL that selects `type` (this source's name, text), `id` (uuid) and `at` (timestamptz(3)) of the
   * party's entries this actor may see. It is one arm of a `union all`; it must filter by org and
   * must apply the source's own access rules (invisible entries are simply absent).
   */
  keys(ctx: RequestContext, partyId: string): RawBuilder<unknown>;
  /** The entries for these ids (from `keys`); ids no longer visible may be left out. */
  load(db: Db, ctx: RequestContext, ids: string[]): Promise<Map<string, TimelineEvent>>;
}

/** One registry per app instance (in Deps), filled while modules register their routes. */
export class TimelineSources {
  readonly #sources = new Map<string, TimelineSource>();

  register(source: TimelineSource): void {
    if (!/^[a-z_]+$/.test(source.type)) {
      throw new Error(`Timeline source type must be [a-z_]+: ${source.type}`);
    }
    if (this.#sources.has(source.type)) {
      throw new Error(`Timeline source registered twice: ${source.type}`);
    }
    this.#sources.set(source.type, source);
  }

  get(type: string): TimelineSource | undefined {
    return this.#sources.get(type);
  }

  all(): TimelineSource[] {
    return [...this.#sources.values()];
  }
}
