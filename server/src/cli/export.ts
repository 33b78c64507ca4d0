import { createWriteStream } from 'node:fs';
import { type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { type Command, Option } from 'commander';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import pino from 'pino';
import { standaloneDeps } from '../platform/deps.ts';
import { exportCell } from '../platform/export/exporter.ts';
import { allPages } from '../platform/export/exporter.ts';
import {
  listPartiesQuerySchema,
  partiesService,
  partyExportColumns,
  readablePartyColumns,
  unitsOfOwners,
} from '../modules/parties/index.ts';
import { exportLang } from '../platform/export/readable.ts';
import { CliError, config, pickOrg } from './context.ts';
import { commandActor, openForCommand } from './context.ts';

const entities = ['parties', 'employees'] as const;
const collect = (v: string, prev: string[]) => [...prev, v];

type Entity = (typeof entities)[number];
interface ExportOptions {
  format: string;
  filter: string[];
  columns?: string;
  raw?: boolean;
  lang?: string;
  out?: string;
  as?: string;
  org?: string;
}
type Column = (typeof partyExportColumns)[number];
type PartyItem = Parameters<Column['value']>[0];

/** The list filters of --filter key=value (employees: role=employee), checked by the list's schema. */
function filtersOf(entity: Entity, given: string[]) {
  const filters: Record<string, string> = {};
  for (const f of given) {
    const i = f.indexOf('=');
    if (i < 1) {
      throw new CliError(`--filter ${f}: use key=value`);
    }
    filters[f.slice(0, i)] = f.slice(i + 1);
  }
  if (entity === 'employees') {
    filters.role = 'employee';
  }
  const parsed = listPartiesQuerySchema.omit({ limit: true, cursor: true }).safeParse(filters);
  if (!parsed.success) {
    throw new CliError(
      `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The --columns in their order, or every column of the chosen format. */
function columnsOf(all: readonly Column[], given: string | undefined): readonly Column[] {
  const keys = given
    ?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = keys?.filter((k) => !all.some((c) => c.key === k)) ?? [];
  if (unknown.length) {
    throw new CliError(`Unknown column(s) ${unknown.join(', ')}; known: ${all.map((c) => c.key).join(', ')}`);
  }
  return keys ? keys.map((k) => all.find((c) => c.key === k) as Column) : all;
}

async function writeXlsx(out: Writable, sheet: string, columns: readonly Column[], rows: AsyncIterable<PartyItem>) {
  let n = 0;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: 20 }));
  for await (const p of rows) {
    ws.addRow(columns.map((c) => exportCell(c.value(p)))).commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return n;
}

async function writeCsv(
  out: Writable,
  format: string,
  toFile: boolean,
  columns: readonly Column[],
  rows: AsyncIterable<PartyItem>,
) {
  let n = 0;
  const csv = stringify({
    header: true,
    bom: format === 'csv',
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  const source = Readable.from(
    (async function* () {
      for await (const p of rows) {
        n++;
        yield Object.fromEntries(columns.map((c) => [c.key, exportCell(c.value(p))]));
      }
    })(),
  );
  if (format === 'csv-gb18030') {
    // The re-encoder takes text, not the stringifier's bytes.
    csv.setEncoding('utf8');
    await pipeline(source, csv, iconv.encodeStream('gb18030'), out, { end: toFile });
  } else {
    await pipeline(source, csv, out, { end: toFile });
  }
  return n;
}

async function runExport(entity: Entity, opts: ExportOptions): Promise<void> {
  const filters = filtersOf(entity, opts.filter);
  if (opts.raw) {
    columnsOf(partyExportColumns, opts.columns);
  }
  const cfg = config();
  const h = await openForCommand(
    'the export',
    `curl -H "authorization: Bearer $TOKEN" "http://${cfg.host}:${cfg.port}/api/parties/export?format=${opts.format === 'xlsx' ? 'xlsx' : 'csv'}${opts.format === 'csv-gb18030' ? '&encoding=gb18030' : ''}" -o parties.${opts.format === 'xlsx' ? 'xlsx' : 'csv'}`,
  );
  try {
    const org = await pickOrg(h, opts.org);
    const ctx = await commandActor(h, org.org_id, opts.as);
    const lang = exportLang(opts.lang === 'en' || opts.lang === 'zh-CN' ? opts.lang : undefined, ctx.actor.locale);
    const columns = columnsOf(
      opts.raw ? partyExportColumns : readablePartyColumns(lang, await unitsOfOwners(h.db, org.org_id)),
      opts.columns,
    );
    const parties = partiesService(standaloneDeps(h.db, h.engine, pino({ level: 'silent' }), cfg.secret));
    const rows = allPages((cursor) => parties.list(ctx, { ...filters, limit: 500, cursor }));
    const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
    const n =
      opts.format === 'xlsx'
        ? await writeXlsx(out, entity, columns, rows)
        : await writeCsv(out, opts.format, Boolean(opts.out), columns, rows);
    if (opts.out) {
      console.error(`Exported ${n} ${entity} to ${opts.out}.`);
    }
  } finally {
    await h.close();
  }
}

/**
 * `tandem export parties|employees`: the same columns and access rules as the list's export in the
 * UI (GET /api/parties/export): it pages through the list as the acting user (--as, default the first
 * admin), so an agent exports only what they see. CSV is UTF-8 with a BOM (Excel opens it), or GB18030. Readable
 * (headers, labels and names in the user's language) unless --raw.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export parties or employees as CSV (UTF-8 with BOM), CSV in GB18030, or XLSX (streamed)')
    .addArgument(program.createArgument('<entity>', entities.join(' or ')).choices(entities))
    .addOption(
      new Option('--format <format>', 'csv, xlsx or csv-gb18030')
        .choices(['csv', 'xlsx', 'csv-gb18030'])
        .default('csv'),
    )
    .option(
      '--filter <key=value>',
      'a list filter, e.g. role=customer, tag=VIP, stage=loyal, q=张 (repeat)',
      collect,
      [],
    )
    .option('--columns <keys>', 'comma-separated columns, in order')
    .option('--raw', 'the machine format: field names as headers, codes and ids (default: readable)')
    .addOption(
      new Option('--lang <lang>', 'the readable format’s language (default: the user’s)').choices(['zh-CN', 'en']),
    )
    .option('--out <file>', 'write here (default: standard output)')
    .option('--as <email>', 'export as this user (default: the organisation’s first admin)')
    .option('--org <slug>')
    .action(runExport);
}
