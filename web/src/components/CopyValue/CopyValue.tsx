import { Typography } from 'antd';

/** A secret or link shown in full with a copy button (antd's copyable falls back when the clipboard API is off). */
export function CopyValue({ value, 'data-testid': testId }: { value: string; 'data-testid'?: string }) {
  return (
    <Typography.Paragraph
      copyable={{ text: value }}
      code
      style={{ fontSize: 16, wordBreak: 'break-all', margin: 0 }}
      data-testid={testId}
    >
      {value}
    </Typography.Paragraph>
  );
}
