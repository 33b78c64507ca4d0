import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Free text (notes, descriptions, message bodies) that collapses to a few lines with "More"/"Less", so one long
 * note cannot stretch a page to thousands of pixels. Line breaks are kept; the toggle appears only when the text
 * is actually cut (measured after layout, and again when the width changes).
 */
export function LongText({
  text,
  lines = 4,
  style,
  testId,
}: {
  text: string;
  lines?: number;
  style?: CSSProperties;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [cut, setCut] = useState(false);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || expanded) {
      return;
    }
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text, lines, expanded]);

  const clamp: CSSProperties = expanded
    ? {}
    : { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: lines, overflow: 'hidden' };
  return (
    <div style={style} data-testid={testId ?? 'long-text'}>
      <div ref={ref} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', ...clamp }}>
        {text}
      </div>
      {(cut || expanded) && (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          aria-expanded={expanded}
          onClick={() => setExpanded((e) => !e)}
          data-testid="long-text-toggle"
        >
          {expanded ? t('common.less') : t('common.more')}
        </Button>
      )}
    </div>
  );
}
