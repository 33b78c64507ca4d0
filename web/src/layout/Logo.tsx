import { useTranslation } from 'react-i18next';

/** Two overlapping circles: customers and employees, one discipline. */
export function Logo({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, height: 56, padding: compact ? '0 24px' : '0 20px' }}>
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="11" cy="16" r="9" fill="#1668dc" />
        <circle cx="21" cy="16" r="9" fill="#13c2c2" fillOpacity="0.8" />
      </svg>
      {!compact && <span style={{ fontWeight: 600, fontSize: 18, color: '#1f1f1f' }}>{t('app.name')}</span>}
    </div>
  );
}
