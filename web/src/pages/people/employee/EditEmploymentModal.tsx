import { Checkbox, DatePicker, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/forms/FormModal.tsx';
import { useApiForm } from '../../../components/forms/useApiForm.ts';
import { useToast } from '../../../components/feedback/toast.tsx';
import { UserSelect } from '../../../components/UserSelect/UserSelect.tsx';
import { employeeKey, invalidateEmployee, patchEmployee } from '../shared/api.ts';
import { OrgUnitSelect } from '../shared/OrgUnitSelect.tsx';
import type { EmployeeFile } from '../shared/types.ts';

interface Values {
  employeeNo?: string | null;
  hireDate?: Dayjs | null;
  orgUnitId?: string | null;
  managerId?: string | null;
  jobTitle?: string | null;
  careerTrack?: string | null;
  grade?: string | null;
  promotion?: boolean;
  effectiveOn?: Dayjs | null;
  note?: string | null;
}

const orNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const dayOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** HR changes employment fields; a grade or title change may be recorded as a promotion. */
export function EditEmploymentModal({ file, onClose }: { file: EmployeeFile; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const qc = useQueryClient();
  const form = useApiForm<Values, EmployeeFile>({
    submit: (v) =>
      patchEmployee(file.partyId, {
        employeeNo: orNull(v.employeeNo),
        hireDate: dayOf(v.hireDate) ?? null,
        orgUnitId: v.orgUnitId ?? null,
        managerId: v.managerId ?? null,
        jobTitle: orNull(v.jobTitle),
        careerTrack: orNull(v.careerTrack),
        grade: orNull(v.grade),
        ...(v.promotion ? { promotion: true } : {}),
        ...(v.effectiveOn ? { effectiveOn: dayOf(v.effectiveOn) } : {}),
        note: orNull(v.note),
        version: file.version,
      }),
    onSuccess: (updated) => {
      qc.setQueryData(employeeKey(file.partyId), updated);
      invalidateEmployee(qc, file.partyId);
      void toast.success(t('people.saved'));
      onClose();
    },
    onConflict: () => invalidateEmployee(qc, file.partyId),
  });
  return (
    <FormModal<Values>
      form={form}
      open
      title={t('people.file.editTitle', { name: file.displayName })}
      okText={t('common.save')}
      onCancel={onClose}
      initialValues={{
        employeeNo: file.employeeNo,
        hireDate: file.hireDate ? dayjs(file.hireDate) : null,
        orgUnitId: file.orgUnitId,
        managerId: file.managerId,
        jobTitle: file.jobTitle,
        careerTrack: file.careerTrack,
        grade: file.grade,
      }}
      data-testid="employment-modal"
      okTestId="employment-save"
    >
      <Form.Item name="employeeNo" label={t('people.file.employeeNo')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hireDate" label={t('people.file.hireDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('people.file.orgUnit')}>
        <OrgUnitSelect />
      </Form.Item>
      <Form.Item name="managerId" label={t('people.file.manager')}>
        <UserSelect />
      </Form.Item>
      <Form.Item name="jobTitle" label={t('people.file.jobTitle')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="careerTrack" label={t('people.file.careerTrack')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="grade" label={t('people.file.grade')} extra={t('people.file.gradeHint')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="promotion" valuePropName="checked">
        <Checkbox>{t('people.file.recordPromotion')}</Checkbox>
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('people.file.effectiveOn')} extra={t('people.file.effectiveHint')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('people.file.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
