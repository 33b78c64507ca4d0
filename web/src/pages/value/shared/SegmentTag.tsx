import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { segmentLabel } from './labels.ts';
import { segmentColor, textOn } from './rfm.ts';

/** An RFM segment as a tag in its grid colour, with text that stays readable on light colours. */
export function SegmentTag({ segment, 'data-testid': testId }: { segment: string; 'data-testid'?: string }) {
  const { t } = useTranslation();
  const bg = segmentColor(segment);
  return (
    <Tag style={{ background: bg, color: textOn(bg), borderColor: bg }} data-testid={testId}>
      {segmentLabel(t, segment)}
    </Tag>
  );
}
