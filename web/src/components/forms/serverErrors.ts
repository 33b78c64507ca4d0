import type { FormInstance } from 'antd';
import { validationIssues } from '../../api/errors.ts';
import type { ValidationIssue } from '../../api/types.ts';

type FieldPath = (string | number)[];
export interface FieldErrors {
  name: FieldPath;
  errors: string[];
}

const key = (path: FieldPath) => JSON.stringify(path.map(String));

/**
 * Places each issue on the registered field with the longest matching path prefix
 * (`['roles', 0]` lands on `roles`); issues with no such field are returned as unmatched.
 */
export function issuesToFields(
  issues: ValidationIssue[],
  knownFields: FieldPath[],
  messageFor: (issue: ValidationIssue) => string = (i) => i.message,
): { fields: FieldErrors[]; unmatched: ValidationIssue[] } {
  const known = new Map(knownFields.map((f) => [key(f), f]));
  const byField = new Map<string, FieldErrors>();
  const unmatched: ValidationIssue[] = [];
  for (const issue of issues) {
    // The server names the request part first (`['body', 'email']`); form fields are named without it.
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    let target: FieldPath | undefined;
    for (let len = path.length; len > 0 && !target; len--) {
      target = known.get(key(path.slice(0, len)));
    }
    if (!target) {
      unmatched.push(issue);
      continue;
    }
    const entry = byField.get(key(target)) ?? { name: target, errors: [] };
    const message = messageFor(issue);
    if (!entry.errors.includes(message)) {
      entry.errors.push(message);
    }
    byField.set(key(target), entry);
  }
  return { fields: [...byField.values()], unmatched };
}

type FormLike = Pick<FormInstance, 'getFieldsError' | 'setFields'>;

/**
 * Maps a VALIDATION_FAILED error onto an antd form. Returns null when the error is not a validation
 * error (show it some other way), else the issues no field could show.
 */
export function applyServerErrors(
  form: FormLike,
  error: unknown,
  messageFor?: (issue: ValidationIssue) => string,
): ValidationIssue[] | null {
  const issues = validationIssues(error);
  if (issues.length === 0) {
    return null;
  }
  const knownFields = form.getFieldsError().map((f) => f.name);
  const { fields, unmatched } = issuesToFields(issues, knownFields, messageFor);
  form.setFields(fields);
  return unmatched;
}
