import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { applyServerErrors, issuesToFields, type FieldErrors } from './serverErrors.ts';

const validation = (details: unknown) => new ApiError(400, 'VALIDATION_FAILED', 'Invalid request', details);

describe('issuesToFields', () => {
  it('maps nested paths to the closest registered field and reports the rest', () => {
    const { fields, unmatched } = issuesToFields(
      [
        { path: ['email'], message: 'Invalid email', code: 'invalid_format' },
        { path: ['roles', 0], message: 'Invalid option', code: 'invalid_value' },
        { path: ['roles', 1], message: 'Invalid option', code: 'invalid_value' },
        { path: ['address', 'city'], message: 'Required', code: 'too_small' },
        { path: ['secret'], message: 'Unknown key', code: 'unrecognized_keys' },
      ],
      [['email'], ['roles'], ['address', 'city'], ['displayName']],
    );
    expect(fields).toEqual([
      { name: ['email'], errors: ['Invalid email'] },
      { name: ['roles'], errors: ['Invalid option'] },
      { name: ['address', 'city'], errors: ['Required'] },
    ]);
    expect(unmatched.map((i) => i.path)).toEqual([['secret']]);
  });
  it('drops the request part the server puts first', () => {
    const { fields, unmatched } = issuesToFields(
      [{ path: ['body', 'subject'], message: 'Too small', code: 'too_small' }],
      [['subject']],
    );
    expect(fields).toEqual([{ name: ['subject'], errors: ['Too small'] }]);
    expect(unmatched).toEqual([]);
  });
  it('uses the given message translator', () => {
    const { fields } = issuesToFields(
      [{ path: ['password'], message: 'at least 10 characters', code: 'too_small' }],
      [['password']],
      (i) => `T:${i.code}`,
    );
    expect(fields[0]?.errors).toEqual(['T:too_small']);
  });
});

describe('applyServerErrors', () => {
  function fakeForm(names: string[][]) {
    const set: FieldErrors[] = [];
    return {
      set,
      getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })),
      setFields: (fields: { name: unknown; errors?: string[] }[]) => void set.push(...(fields as FieldErrors[])),
    };
  }
  it('sets errors on the form fields', () => {
    const form = fakeForm([['email'], ['password']]);
    const unmatched = applyServerErrors(
      form,
      validation([{ path: ['password'], message: 'Too short', code: 'too_small' }]),
    );
    expect(unmatched).toEqual([]);
    expect(form.set).toEqual([{ name: ['password'], errors: ['Too short'] }]);
  });
  it('returns null for errors that are not validation errors', () => {
    const form = fakeForm([['email']]);
    expect(applyServerErrors(form, new ApiError(409, 'CONFLICT', 'Email taken'))).toBeNull();
    expect(applyServerErrors(form, new Error('boom'))).toBeNull();
    expect(form.set).toEqual([]);
  });
});
