import { readFileSync } from 'node:fs';
import ts from 'typescript';

// The static check behind server/test/org-scope.test.ts (docs/scale.md "Every query filters by org_id"). For every
// query a repository writes — a Kysely chain started by selectFrom/updateTable/deleteFrom, or a raw `sql` template —
// each organisation table it reads or changes must be tied to an organisation: `<alias>.org_id` (or a bare `org_id`
// for the chain's own unaliased table) appears in the query's own text, whether in a where, a join condition or a
// correlation. Text of nested chains and templates does not count for the outer query: they are checked on their own.
// A query that legitimately spans organisations says why in a comment holding `org-scope:` just above it.

export interface Finding {
  file: string;
  line: number;
  table: string;
  alias: string;
  kind: 'chain' | 'sql';
  /** 'table': this table is not tied to an organisation; 'anchor': no org_id is compared to a value. */
  problem: 'table' | 'anchor';
}

const STARTS = new Set(['selectFrom', 'updateTable', 'deleteFrom']);
const JOINS = new Set(['innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'crossJoin', 'innerJoinLateral']);
const SQL_WORDS = new Set([
  'where',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'on',
  'set',
  'group',
  'order',
  'limit',
  'using',
  'returning',
  'for',
  'union',
  'natural',
  'lateral',
  'window',
  'having',
  'offset',
  'except',
  'intersect',
  'values',
  'select',
  'and',
  'or',
  'as',
  'with',
]);

/** 'party as p' → { table: 'party', alias: 'p' }; 'party' → alias 'party'. */
function tableRef(text: string): { table: string; alias: string } | null {
  const m = /^\s*(?:public\.)?([a-z_][a-z0-9_]*)(?:\s+as\s+([a-z_][a-z0-9_]*))?\s*$/i.exec(text);
  return m?.[1] ? { table: m[1], alias: m[2] ?? m[1] } : null;
}

const isSqlTag = (n: ts.Node): n is ts.TaggedTemplateExpression =>
  ts.isTaggedTemplateExpression(n) && /^sql\b/.test(n.tag.getText());
const isChainStart = (n: ts.Node): n is ts.CallExpression =>
  ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && STARTS.has(n.expression.name.text);

/** The node's text with the text of nested queries (chains, sql templates) blanked out. */
function ownText(node: ts.Node, sf: ts.SourceFile, root: ts.Node): string {
  let text = node.getText(sf);
  const start = node.getStart(sf);
  const blank: [number, number][] = [];
  const visit = (n: ts.Node) => {
    if (n !== root && ((isSqlTag(n) && /\b(select|from)\b/i.test(n.getText(sf))) || isChainStart(n))) {
      blank.push([n.getStart(sf) - start, n.getEnd() - start]);
      return;
    }
    n.forEachChild(visit);
  };
  node.forEachChild(visit);
  for (const [a, b] of blank.sort((x, y) => y[0] - x[0])) {
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

/** The calls chained on a selectFrom/updateTable/deleteFrom call, outermost last. */
function chainCalls(start: ts.CallExpression): ts.CallExpression[] {
  const calls = [start];
  let n: ts.Node = start;
  while (
    ts.isPropertyAccessExpression(n.parent) &&
    n.parent.expression === n &&
    ts.isCallExpression(n.parent.parent) &&
    n.parent.parent.expression === n.parent
  ) {
    n = n.parent.parent;
    calls.push(n as ts.CallExpression);
  }
  return calls;
}

const mentions = (text: string, alias: string, bare: boolean) =>
  new RegExp(`\\b${alias}\\.org_id\\b`).test(text) || (bare && /['"`\s(,]org_id\b/.test(text));

/** An org_id compared to a value (an interpolation, a parameter): the query is held to one organisation or a set. */
const SQL_ANCHOR = /\borg_id\s*(=|in\b|=\s*any\b)\s*\(?\s*\$\{\}/i;
const CHAIN_ANCHOR = /(['"])(?:[a-z_]+\.)?org_id\1\s*,\s*(['"])(=|in)\2\s*,\s*(?![\s'"])/;

/** An interpolated value that is the organisation (`orgId`, `actor.orgId`, `w.orgId`) or a fragment built from it. */
const ORG_VALUE = /\borgId\b/;

/**
 * Correlated to an outer query: its org_id is compared with the org_id of an alias it does not itself declare
 * (`exists (select 1 from t where t.org_id = p.org_id …)` written as a fragment for a query over `party p`).
 */
function correlated(text: string, refs: { alias: string }[]): boolean {
  const own = new Set(refs.map((r) => r.alias));
  for (const m of text.matchAll(
    /['"]?\b([a-z_]+)\.org_id['"]?\s*(?:=|,\s*['"]=['"]\s*,)\s*['"]?([a-z_]+)\.org_id\b/gi,
  )) {
    if (!own.has(m[1] ?? '') || !own.has(m[2] ?? '')) {
      return true;
    }
  }
  return false;
}

/** A query inside another query (a subquery, a correlated exists): the outer one holds the anchor. */
function nested(node: ts.Node, sf: ts.SourceFile): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if ((isSqlTag(n) && /\b(select|from)\b/i.test(n.getText(sf))) || (isChainStart(n) && n !== node)) {
      return true;
    }
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      if (
        /^(where|having|on|select|innerJoin|leftJoin|with|union|exists)/.test(name) &&
        n.arguments.some((a) => a.pos <= node.pos && node.end <= a.end)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Excused by an `org-scope:` comment in the query's own lines or just above it: up to three lines, stopping at the
 * end of the previous statement or property (a line ending in `;`, `,` or `}`).
 */
function excused(sf: ts.SourceFile, node: ts.Node): boolean {
  const lines = sf.text.split('\n');
  const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
  const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
  if (lines.slice(first, last + 1).some((l) => l.includes('org-scope:'))) {
    return true;
  }
  for (let i = first - 1; i >= Math.max(0, first - 3); i--) {
    const l = lines[i] ?? '';
    if (l.includes('org-scope:')) {
      return true;
    }
    if (/[;,}]\s*$/.test(l)) {
      return false;
    }
  }
  return false;
}

function checkChain(sf: ts.SourceFile, start: ts.CallExpression, tenant: Set<string>, out: Finding[]) {
  const calls = chainCalls(start);
  const refs: { table: string; alias: string; root: boolean }[] = [];
  for (const c of calls) {
    const name = ts.isPropertyAccessExpression(c.expression) ? c.expression.name.text : '';
    const arg = c.arguments[0];
    if ((STARTS.has(name) || JOINS.has(name)) && arg && ts.isStringLiteralLike(arg)) {
      const ref = tableRef(arg.text);
      if (ref && tenant.has(ref.table)) {
        refs.push({ ...ref, root: STARTS.has(name) });
      }
    }
  }
  const last = calls[calls.length - 1] ?? start;
  const text = calls.map((c) => c.arguments.map((a) => ownText(a, sf, start)).join(', ')).join(' ; ');
  const line = sf.getLineAndCharacterOfPosition(start.getStart(sf)).line + 1;
  if (excused(sf, last)) {
    return;
  }
  for (const r of refs) {
    if (!mentions(text, r.alias, r.root && refs.length === 1)) {
      out.push({ file: sf.fileName, line, table: r.table, alias: r.alias, kind: 'chain', problem: 'table' });
    }
  }
  const [root] = refs;
  if (root && !CHAIN_ANCHOR.test(text) && !correlated(text, refs) && !nested(start, sf)) {
    out.push({ file: sf.fileName, line, table: root.table, alias: root.alias, kind: 'chain', problem: 'anchor' });
  }
}

function checkSql(sf: ts.SourceFile, node: ts.TaggedTemplateExpression, tenant: Set<string>, out: Finding[]) {
  const t = node.template;
  const parts = ts.isNoSubstitutionTemplateLiteral(t)
    ? [t.text]
    : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
  // Interpolations become a placeholder that cannot be read as a table or alias.
  const text = parts.join(' ${} ');
  const values = ts.isNoSubstitutionTemplateLiteral(t) ? [] : t.templateSpans.map((x) => x.expression.getText(sf));
  const refs: { table: string; alias: string }[] = [];
  const re =
    /\b(from|join|update|delete\s+from)\s+(?:only\s+)?([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi;
  for (const m of text.matchAll(re)) {
    const table = m[2] ?? '';
    const maybe = m[3]?.toLowerCase();
    if (tenant.has(table)) {
      refs.push({ table, alias: maybe && !SQL_WORDS.has(maybe) ? maybe : table });
    }
  }
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  if (excused(sf, node)) {
    return;
  }
  for (const r of refs) {
    const bare = refs.length === 1 || r.alias === r.table;
    if (!mentions(text, r.alias, bare)) {
      out.push({ file: sf.fileName, line, table: r.table, alias: r.alias, kind: 'sql', problem: 'table' });
    }
  }
  const [root] = refs;
  const anchored =
    SQL_ANCHOR.test(text) || values.some((v) => ORG_VALUE.test(v)) || correlated(text, refs) || nested(node, sf);
  if (root && !anchored) {
    out.push({ file: sf.fileName, line, table: root.table, alias: root.alias, kind: 'sql', problem: 'anchor' });
  }
}

/** Every query in these files that leaves an organisation table unscoped. */
export function unscopedQueries(files: string[], tenantTables: Iterable<string>): Finding[] {
  const tenant = new Set(tenantTables);
  const out: Finding[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      if (isChainStart(n)) {
        checkChain(sf, n, tenant, out);
      } else if (isSqlTag(n)) {
        checkSql(sf, n, tenant, out);
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return out;
}
