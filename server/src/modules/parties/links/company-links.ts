import type { RequestContext } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { bulkUpsertParties } from '../bulk/upsert.ts';
import { companyLinksRepository } from './company-links.repository.ts';

/** A person who works at a company named in an import row, with the job title when the row has one. */
export interface CompanyLinkInput {
  personId: string;
  company: string;
  jobTitle: string | null;
}

/**
 * Imports' company column (docs/domain.md "Links between parties"): each named company is matched to a live
 * organisation of the same name (case-insensitive; the oldest when several), or created as an organisation
 * owned like the person rows; the person then works_at it, unless an active works_at link joins them already.
 * Runs in the import batch's transaction. Returns the organisations created (id, name).
 */
export async function linkPeopleToCompanies(trx: Db, ctx: RequestContext, rows: CompanyLinkInput[]) {
  const orgId = ctx.actor.orgId;
  const names = [...new Set(rows.map((r) => r.company.trim()).filter(Boolean))];
  if (!names.length) {
    return { createdOrganisations: [] as { id: string; name: string }[], links: 0 };
  }
  const found = await companyLinksRepository.organisationsNamed(trx, orgId, names);
  const byName = new Map(found.map((o) => [o.name_key, o.id]));
  const missing = [...new Set(names.filter((n) => !byName.has(n.toLowerCase())).map((n) => n))].filter(
    (n, i, all) => all.findIndex((x) => x.toLowerCase() === n.toLowerCase()) === i,
  );
  const created: { id: string; name: string }[] = [];
  if (missing.length) {
    const out = await bulkUpsertParties(
      trx,
      ctx,
      missing.map((displayName) => ({ kind: 'organization' as const, displayName })),
    );
    out.results.forEach((r, i) => {
      if (r.action !== 'failed') {
        byName.set((missing[i] as string).toLowerCase(), r.id);
        created.push({ id: r.id, name: missing[i] as string });
      }
    });
  }
  const links = rows.flatMap((r) => {
    const to = byName.get(r.company.trim().toLowerCase());
    return to && to !== r.personId ? [{ from: r.personId, to, role: r.jobTitle }] : [];
  });
  const inserted = await companyLinksRepository.insertWorksAt(trx, orgId, ctx.actor.userId, links);
  if (inserted.length) {
    await recordAudit(trx, ctx, {
      action: 'bulk_create',
      entityType: 'party_link',
      entityId: null,
      after: { type: 'works_at', links: inserted.length, createdOrganisations: created.length },
    });
  }
  return { createdOrganisations: created, links: inserted.length };
}
