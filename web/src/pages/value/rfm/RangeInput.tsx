import { InputNumber, Space } from 'antd';

/** A score range [lowest, highest], 1–5, as one form value (so a server error on the range lands on it). */
export function RangeInput({
  value,
  onChange,
  label,
  'data-testid': testId,
}: {
  value?: [number, number];
  onChange?: (value: [number, number]) => void;
  label: string;
  'data-testid'?: string;
}) {
  const [lo, hi] = value ?? [1, 5];
  const set = (i: 0 | 1, v: number | null) => {
    const next: [number, number] = [lo, hi];
    next[i] = v ?? (i === 0 ? 1 : 5);
    onChange?.(next);
  };
  return (
    <Space.Compact data-testid={testId}>
      <InputNumber
        min={1}
        max={5}
        precision={0}
        value={lo}
        onChange={(v) => set(0, v)}
        style={{ width: 56 }}
        aria-label={`${label} ≥`}
      />
      <InputNumber
        min={1}
        max={5}
        precision={0}
        value={hi}
        onChange={(v) => set(1, v)}
        style={{ width: 56 }}
        aria-label={`${label} ≤`}
      />
    </Space.Compact>
  );
}
