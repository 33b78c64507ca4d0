// Plain constants (no zod) so the web bundle can import them without pulling in the schemas.
export const roles = ['admin', 'executive', 'manager', 'hr', 'marketing', 'agent', 'employee'] as const;
export const locales = ['zh-CN', 'en'] as const;
