import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const WRITES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);
const RAW_WRITE = /^\s*(insert|update|delete|merge|create|alter|drop|truncate|grant|revoke|vacuum|analyze)\b/i;

/**
 * Refuses writes on the read handle (docs/scale.md "A read replica"): a replica would refuse them anyway, but the
 * embedded database and a replica-less PostgreSQL route reads to the primary, where a write would quietly land
 * outside the caller's transaction. Catching it on every engine keeps tests on PGlite honest.
 */
export class ReadOnlyPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    const first = node.kind === 'RawNode' ? (node.sqlFragments[0] ?? '') : '';
    if (WRITES.has(node.kind) || RAW_WRITE.test(first)) {
      throw new Error(`A write through the read handle (${node.kind}): use deps.db in a transaction`);
    }
    return node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
