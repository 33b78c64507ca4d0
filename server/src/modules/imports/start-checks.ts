import { hasRole, type RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { knownTarget, type CustomDef } from './fields.ts';
import type { StartImport } from './imports.schema.ts';
import type { ImportJobRow } from './imports.tables.ts';
import type { SourceInfo } from './reader.ts';

/** A problem with a start request, as a validation error's detail. */
export interface StartIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Mapping entries naming a column the file lacks, or a field the entity lacks. */
function mappingIssues(job: ImportJobRow, info: SourceInfo, input: StartImport, custom: CustomDef[]): StartIssue[] {
  const issues: StartIssue[] = [];
  for (const [header, target] of Object.entries(input.mapping ?? {})) {
    if (!info.headers.includes(header)) {
      issues.push({
        path: ['body', 'mapping', header],
        message: `No column "${header}" in the file (columns: ${info.headers.join(', ')})`,
        code: 'unknown_column',
      });
    } else if (target !== null && !knownTarget(job.entity, target, custom)) {
      issues.push({ path: ['body', 'mapping', header], message: `Unknown field ${target}`, code: 'unknown_field' });
    }
  }
  return issues;
}

const keyIssue = (input: StartImport, field: string): StartIssue => ({
  path: ['body', 'upsertKey'],
  message: `No column maps to the upsert key ${input.upsertKey ?? ''} (${field})`,
  code: 'missing_key',
});

/** Parties and employees: a name column, the upsert key's column; only HR and admins import employees and candidates. */
function partyIssues(
  ctx: RequestContext,
  input: StartImport,
  targets: Set<unknown>,
  columnsRead: string,
): StartIssue[] {
  const issues: StartIssue[] = [];
  if (!['displayName', 'company', 'familyName', 'givenName'].some((t) => targets.has(t))) {
    issues.push({
      path: ['body', 'mapping'],
      message: `No column maps to a name (displayName, 姓名, 公司…). ${columnsRead}`,
      code: 'missing_name',
    });
  }
  const keyField = input.upsertKey === 'email' ? 'emails' : input.upsertKey === 'phone' ? 'phones' : 'externalId';
  if (input.upsertKey && !targets.has(keyField)) {
    issues.push(keyIssue(input, keyField));
  }
  if (input.role && (input.role === 'employee' || input.role === 'candidate') && !hasRole(ctx.actor, 'hr', 'admin')) {
    throw forbidden('Only HR and admins import employees and candidates');
  }
  return issues;
}

/** Products and transactions: a name (products) or customer (transactions) column; upserts by externalId only. */
function commerceIssues(
  entity: 'products' | 'transactions',
  input: StartImport,
  targets: Set<unknown>,
  columnsRead: string,
): StartIssue[] {
  const issues: StartIssue[] = [];
  if (entity === 'products' && !targets.has('name')) {
    issues.push({
      path: ['body', 'mapping'],
      message: `No column maps to the product name (name, 产品名称, 商品名称…). ${columnsRead}`,
      code: 'missing_name',
    });
  }
  if (
    entity === 'transactions' &&
    !['partyId', 'partyExternalId', 'partyEmail', 'partyPhone', 'partyName'].some((t) => targets.has(t))
  ) {
    issues.push({
      path: ['body', 'mapping'],
      message: `No column names the customer (partyExternalId 客户编号, partyEmail, partyPhone, partyName 客户…). ${columnsRead}`,
      code: 'missing_party',
    });
  }
  if (input.upsertKey && input.upsertKey !== 'externalId') {
    issues.push({ path: ['body', 'upsertKey'], message: `${entity} upsert by externalId only`, code: 'not_allowed' });
  } else if (input.upsertKey && !targets.has('externalId')) {
    issues.push(keyIssue(input, 'externalId'));
  }
  return issues;
}

/** What is wrong with starting this job with this mapping and these options (empty: nothing). */
export function startIssues(
  ctx: RequestContext,
  job: ImportJobRow,
  info: SourceInfo,
  input: StartImport,
  custom: CustomDef[],
  mapping: Record<string, string | null>,
): StartIssue[] {
  const issues = mappingIssues(job, info, input, custom);
  const targets = new Set<unknown>(Object.values(mapping).filter(Boolean));
  const columnsRead = `Columns read: ${info.headers.join(' | ')}${info.delimiter ? ` (delimiter ${JSON.stringify(info.delimiter)}; a wrong one reads the whole line as one column)` : ''}`;
  if (job.entity === 'parties' || job.entity === 'employees') {
    issues.push(...partyIssues(ctx, input, targets, columnsRead));
  } else if (job.entity === 'products' || job.entity === 'transactions') {
    issues.push(...commerceIssues(job.entity, input, targets, columnsRead));
  } else if (input.upsertKey) {
    issues.push({
      path: ['body', 'upsertKey'],
      message: `Upserting is for parties, employees, products and transactions; ${job.entity} are always created`,
      code: 'not_allowed',
    });
  }
  return issues;
}
