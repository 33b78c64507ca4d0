import { Alert } from 'antd';

/** The form-level error (anything not shown on a field). */
export function FormError({ message }: { message: string | null }) {
  if (!message) {
    return null;
  }
  return (
    <Alert type="error" showIcon message={message} role="alert" data-testid="form-error" style={{ marginBottom: 16 }} />
  );
}
