import { z } from 'zod';
import { versionField } from '../../../platform/http/common.schema.ts';
import { relationshipPhases } from '../../parties/index.ts';
import { contractTypes, payChangeKinds, renewalIntents } from '../constants.ts';
import { day, longText, moneyInput, shortText, warningSchema } from '../people.schema.ts';

/** The employee's party id (`id`, like every record route). */
export const employeeParamsSchema = z.object({ id: z.uuid() }).strict();
export const contractParamsSchema = z.object({ id: z.uuid(), contractId: z.uuid() }).strict();

const contractInput = z
  .object({
    type: z.enum(contractTypes),
    startOn: day,
    endOn: day.nullable().optional(),
    probationEndOn: day.nullable().optional(),
    renewalIntent: z.enum(renewalIntents).nullable().optional(),
    note: longText.nullable().optional(),
  })
  .strict();

const trainingInput = z
  .object({
    title: shortText,
    provider: shortText.nullable().optional(),
    startedOn: day.nullable().optional(),
    completedOn: day.nullable().optional(),
    hours: z.number().min(0).max(99_999).nullable().optional(),
    note: longText.nullable().optional(),
  })
  .strict();

export const patchEmployeeSchema = z
  .object({
    employeeNo: shortText.nullable().optional(),
    hireDate: day.nullable().optional(),
    orgUnitId: z.uuid().nullable().optional(),
    managerId: z.uuid().nullable().optional().describe('The manager (a user)'),
    jobTitle: shortText.nullable().optional(),
    careerTrack: shortText.nullable().optional(),
    grade: shortText.nullable().optional().describe('同岗多级: the level within the job'),
    salary: moneyInput.optional().describe('Monthly pay; a change is kept in the pay history'),
    payChangeKind: z.enum(payChangeKinds).optional().describe('Default: raise when higher, decrease when lower'),
    promotion: z.boolean().optional().describe('Record the grade or title change as a promotion'),
    effectiveOn: day.optional().describe('When the changes take effect (default today)'),
    note: longText.nullable().optional().describe('Kept with the pay change, promotion and employment events'),
    stage: z.string().max(40).optional(),
    phase: z.enum(relationshipPhases).nullable().optional(),
    reason: z.string().trim().min(1).max(2000).optional().describe('Why: recorded with a stage or phase change'),
    contract: contractInput.optional().describe('Adds a contract'),
    training: trainingInput.optional().describe('Adds a training record'),
    version: versionField.describe("The employee role's version (required)"),
  })
  .strict();
export type PatchEmployee = z.infer<typeof patchEmployeeSchema>;

export const patchContractSchema = z
  .object({
    renewalIntent: z.enum(renewalIntents).nullable().optional(),
    endOn: day.nullable().optional(),
    note: longText.nullable().optional(),
    version: versionField,
  })
  .strict();
export type PatchContract = z.infer<typeof patchContractSchema>;

export const contractSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    probationEndOn: z.string().nullable(),
    renewalIntent: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'EmployeeContract' });
export type Contract = z.infer<typeof contractSchema>;

export const employeeFileSchema = z
  .object({
    partyId: z.uuid(),
    displayName: z.string(),
    relation: z.enum(['self', 'hr', 'chain']).describe("The reader's relation: the employee, HR or the chain"),
    stage: z.string(),
    phase: z.string().nullable(),
    employeeNo: z.string().nullable(),
    hireDate: z.string().nullable(),
    orgUnitId: z.uuid().nullable(),
    managerId: z.uuid().nullable(),
    jobTitle: z.string().nullable(),
    careerTrack: z.string().nullable(),
    grade: z.string().nullable(),
    salary: z.string().nullable().describe('Monthly pay (sensitive: the employee circle only)'),
    payBand: z.object({ grade: z.string(), min: z.string(), mid: z.string(), max: z.string() }).nullable(),
    compaRatio: z.number().nullable().describe('salary / band midpoint (docs/metrics.md "Compa-ratio")'),
    payHistory: z.array(
      z.object({
        id: z.uuid(),
        effectiveOn: z.string(),
        salary: z.string(),
        previousSalary: z.string().nullable(),
        kind: z.string(),
        note: z.string().nullable(),
      }),
    ),
    contracts: z.array(contractSchema),
    training: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        provider: z.string().nullable(),
        startedOn: z.string().nullable(),
        completedOn: z.string().nullable(),
        hours: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    promotions: z.array(
      z.object({
        id: z.uuid(),
        effectiveOn: z.string(),
        fromGrade: z.string().nullable(),
        toGrade: z.string().nullable(),
        fromTitle: z.string().nullable(),
        toTitle: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    events: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        effectiveOn: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    exit: z
      .object({ exitOn: z.string(), exitType: z.string(), reason: z.string(), note: z.string().nullable() })
      .nullable(),
    warnings: z.array(warningSchema).describe('After a PATCH: e.g. a raise below the org-set share of pay'),
    version: z.number().int().describe("The employee role's version"),
  })
  .meta({ id: 'EmployeeFile' });
export type EmployeeFile = z.infer<typeof employeeFileSchema>;
