import {
  bulkInsertInteractions,
  bulkUpsertParties,
  linkPeopleToCompanies,
  normalizePhone,
  partiesSharingContacts,
  resolvePartyRefs,
  type CreateInteraction,
  type CreateParty,
} from '../parties/index.ts';
import { bulkUpsertProducts } from '../commerce/index.ts';
import { timed } from '../../platform/bulk/phases.ts';
import { good, item, onePartyOf, upsertKeyOf, type Writer } from './batch-sink.ts';
import type { Pending } from './imports.job.ts';
import type { ImportJobRow } from './imports.tables.ts';
import { failureIssue, type PartyRef } from './rows.ts';
import { writeTransactions } from './transactions-writer.ts';

// The writing half of a batch, per entity (batch-sink.ts says what a writer does).

const writeParties: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const rows = ok.map((p) => p.party as CreateParty);
  const emails = [...new Set(rows.flatMap((r) => r.emails ?? []))];
  const phones = [...new Set(rows.flatMap((r) => (r.phones ?? []).map((ph) => normalizePhone(ph) ?? ph)))];
  // Live parties sharing an email or phone, before this batch writes: a created row that matches one is a duplicate (reported, not merged).
  const existing = await timed('duplicates', () => partiesSharingContacts(trx, s.job.org_id, emails, phones));
  const out = await bulkUpsertParties(trx, s.ctx, rows, { upsertKey: s.job.options.upsertKey });
  const seen = new Map<string, { id: string; name: string }>();
  for (const e of existing) {
    for (const k of [...e.emails, ...e.phones]) {
      seen.set(k, { id: e.id, name: e.display_name });
    }
  }
  out.results.forEach((r, i) => {
    const p = ok[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [failureIssue(p.columns, r)]);
      return;
    }
    s.items.push(item(s, p.row, 'party', r.id, r.action, r.action === 'updated' ? r.before : null));
    if (r.action === 'updated') {
      s.progress.updated++;
      return;
    }
    s.progress.created++;
    const input = rows[i] as CreateParty;
    const keys = [...(input.emails ?? []), ...(input.phones ?? []).map((ph) => normalizePhone(ph) ?? ph)];
    const dup = keys.map((k) => seen.get(k)).find((d) => d && d.id !== r.id);
    if (dup) {
      s.progress.duplicates++;
      s.report(p.row, [
        {
          column: null,
          code: 'duplicate',
          message: `Created, but shares an email or phone with ${dup.name} (${dup.id}): review and merge if it is the same party`,
        },
      ]);
    }
    for (const k of keys) {
      seen.set(k, { id: r.id, name: input.displayName });
    }
  });
  const companies = out.results.flatMap((r, i) => {
    const p = ok[i] as Pending;
    return r.action !== 'failed' && p.company
      ? [{ personId: r.id, company: p.company.name, jobTitle: p.company.jobTitle, row: p.row }]
      : [];
  });
  // Organisations the company column created are items of the first row naming them (a revert bins them too).
  const linked = await linkPeopleToCompanies(trx, s.ctx, companies);
  for (const o of linked.createdOrganisations) {
    const row = companies.find((c) => c.company.trim().toLowerCase() === o.name.toLowerCase())?.row ?? 0;
    s.items.push(item(s, row, 'party', o.id, 'created'));
  }
};

const writeInteractions: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const resolved = await resolvePartyRefs(
    trx,
    s.job.org_id,
    ok.map((p) => p.ref as PartyRef),
  );
  const rows: CreateInteraction[] = [];
  const rowOf: Pending[] = [];
  for (const p of ok) {
    const party = onePartyOf(resolved, p.ref as PartyRef, p.refColumn ?? null);
    if (typeof party !== 'string') {
      s.progress.skipped++;
      s.report(p.row, [party]);
      continue;
    }
    rows.push({ ...(p.interaction as Omit<CreateInteraction, 'partyId'>), partyId: party });
    rowOf.push(p);
  }
  const out = await bulkInsertInteractions(trx, s.ctx, rows);
  out.results.forEach((r, i) => {
    const p = rowOf[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [failureIssue(p.columns, r)]);
    } else {
      s.progress.created++;
      s.items.push(item(s, p.row, 'interaction', r.id, 'created'));
    }
  });
};

const writeProducts: Writer = async (trx, s, batch) => {
  const ok = good(batch);
  const out = await bulkUpsertProducts(
    trx,
    s.ctx,
    ok.map((p) => p.product as NonNullable<Pending['product']>),
    { upsertKey: upsertKeyOf(s.job) },
  );
  out.results.forEach((r, i) => {
    const p = ok[i] as Pending;
    if (r.action === 'failed') {
      s.progress.skipped++;
      s.report(p.row, [
        {
          column: p.columns.find((c) => c.target === String(r.path[0] ?? ''))?.header ?? null,
          code: r.code,
          message: r.message,
        },
      ]);
      return;
    }
    s.progress[r.action]++;
    s.items.push(item(s, p.row, 'product', r.id, r.action, r.action === 'updated' ? r.before : null));
  });
};

export const writers: Record<ImportJobRow['entity'], Writer> = {
  parties: writeParties,
  employees: writeParties,
  interactions: writeInteractions,
  products: writeProducts,
  transactions: writeTransactions,
};
