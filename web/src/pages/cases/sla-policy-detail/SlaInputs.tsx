import { useState } from 'react';
import { Button, Flex, InputNumber, Select, Space, TimePicker, Tooltip, Typography } from 'antd';
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isoWeekday, markOf, monthWeeks, toggleDay } from './calendar.ts';
import { targetMinutes, targetValue, weekdays, type TimeUnit, type WeekGrid } from './hours.ts';
import './calendar.css';

/** Business minutes with an h/min unit switch; the form value stays in minutes (the API's unit). */
export function TargetInput({
  value,
  onChange,
  id,
  'aria-label': label,
}: {
  value?: number | null;
  onChange?: (minutes: number | null) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<TimeUnit>(() => (value ? targetValue(value).unit : 'h'));
  const shown = value === null || value === undefined ? null : unit === 'h' ? value / 60 : value;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        id={id}
        min={0}
        step={unit === 'h' ? 1 : 5}
        value={shown}
        onChange={(v) => onChange?.(targetMinutes({ value: v, unit }))}
        aria-label={label}
        style={{ width: '100%' }}
      />
      <Select<TimeUnit>
        value={unit}
        onChange={setUnit}
        options={[
          { value: 'h', label: t('service.duration.hours') },
          { value: 'min', label: t('service.duration.minutes') },
        ]}
        style={{ width: 96 }}
        aria-label={t('service.policy.unit')}
      />
    </Space.Compact>
  );
}

const clock = (v: string) => (v ? dayjs(`2000-01-01T${v === '24:00' ? '23:59' : v}`) : null);

/** Per weekday one or more start–end ranges; a day without ranges is a day off. */
export function WeekGridInput({ value = {}, onChange }: { value?: WeekGrid; onChange?: (grid: WeekGrid) => void }) {
  const { t } = useTranslation();
  const set = (day: number, ranges: { start: string; end: string }[]) => onChange?.({ ...value, [day]: ranges });
  return (
    <Flex vertical gap={6} data-testid="week-grid">
      {weekdays.map((day) => {
        const ranges = value[day] ?? [];
        return (
          <Flex key={day} gap={12} align="flex-start" wrap data-testid={`weekday-${day}`}>
            <Typography.Text strong style={{ width: 64, paddingTop: 5 }}>
              {t(`service.policy.weekdays.${day}`)}
            </Typography.Text>
            <Flex vertical gap={6} style={{ flex: 1 }}>
              {ranges.length === 0 && (
                <Typography.Text type="secondary" style={{ paddingTop: 5 }}>
                  {t('service.policy.dayOff')}
                </Typography.Text>
              )}
              {ranges.map((r, i) => (
                <Flex key={i} gap={6} align="center">
                  <TimePicker.RangePicker
                    format="HH:mm"
                    minuteStep={5}
                    needConfirm={false}
                    allowClear={false}
                    value={[clock(r.start), clock(r.end)]}
                    onChange={(v) =>
                      set(
                        day,
                        ranges.map((x, j) =>
                          j === i
                            ? {
                                start: v?.[0]?.format('HH:mm') ?? '',
                                end: v?.[1]?.format('HH:mm') === '23:59' ? '24:00' : (v?.[1]?.format('HH:mm') ?? ''),
                              }
                            : x,
                        ),
                      )
                    }
                    aria-label={t(`service.policy.weekdays.${day}`)}
                  />
                  <Tooltip title={t('common.delete')}>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() =>
                        set(
                          day,
                          ranges.filter((_, j) => j !== i),
                        )
                      }
                    />
                  </Tooltip>
                </Flex>
              ))}
            </Flex>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                set(day, [
                  ...ranges,
                  ranges.length ? { start: '13:00', end: '18:00' } : { start: '09:00', end: '18:00' },
                ])
              }
              data-testid={`add-range-${day}`}
            >
              {t('service.policy.addRange')}
            </Button>
          </Flex>
        );
      })}
    </Flex>
  );
}

/** A year of months: a click marks a working day as a holiday, a day off as a make-up workday (调休), or clears it. */
export function YearCalendar({
  holidays,
  workdays,
  worked,
  onChange,
}: {
  holidays: string[];
  workdays: string[];
  worked: (weekday: number) => boolean;
  onChange: (v: { holidays: string[]; workdays: string[] }) => void;
}) {
  const { t, i18n } = useTranslation();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m, 1)));
  return (
    <div data-testid="year-calendar">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Button
          size="small"
          icon={<LeftOutlined />}
          onClick={() => setYear((y) => y - 1)}
          aria-label={t('service.policy.prevYear')}
        />
        <Typography.Text strong>{year}</Typography.Text>
        <Button
          size="small"
          icon={<RightOutlined />}
          onClick={() => setYear((y) => y + 1)}
          aria-label={t('service.policy.nextYear')}
        />
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <span className="tandem-cal-legend tandem-cal-holiday">{t('service.policy.holiday')}</span>
        <span className="tandem-cal-legend tandem-cal-workday">{t('service.policy.workday')}</span>
        <span className="tandem-cal-legend tandem-cal-off">{t('service.policy.dayOff')}</span>
      </Flex>
      <div className="tandem-cal-year">
        {Array.from({ length: 12 }, (_, m) => (
          <div key={m} className="tandem-cal-month">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {monthName(m)}
            </Typography.Text>
            <table>
              <tbody>
                {monthWeeks(year, m).map((week, w) => (
                  <tr key={w}>
                    {week.map((day, i) =>
                      day ? (
                        <td key={day}>
                          <button
                            type="button"
                            className={`tandem-cal-day tandem-cal-${markOf(day, holidays, workdays) ?? (worked(isoWeekday(day)) ? 'normal' : 'off')}`}
                            onClick={() => onChange(toggleDay(day, worked(isoWeekday(day)), holidays, workdays))}
                            aria-label={day}
                            aria-pressed={markOf(day, holidays, workdays) !== null}
                            data-day={day}
                          >
                            {Number(day.slice(8))}
                          </button>
                        </td>
                      ) : (
                        <td key={`x${i}`} />
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </div>
  );
}
