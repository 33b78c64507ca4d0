import type { Insertable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { EmployeeSeparationTable } from '../people.tables.ts';

export const exitsRepository = {
  insertSeparation: (db: Db, row: Insertable<EmployeeSeparationTable>) =>
    db.insertInto('employee_separation').values(row).returningAll().executeTakeFirstOrThrow(),
};
