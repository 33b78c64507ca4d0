import type { ReactNode } from 'react';
import { Form, Modal, type FormProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError.tsx';
import { HiddenSubmit } from './HiddenSubmit.tsx';
import type { ApiForm } from './useApiForm.ts';

interface FormModalProps<TValues> {
  /** The form and its submit state, from useApiForm. */
  form: ApiForm<TValues>;
  open: boolean;
  title: ReactNode;
  /** Text of the confirm button (default "Create"). */
  okText?: string;
  onCancel: () => void;
  initialValues?: FormProps<TValues>['initialValues'];
  onValuesChange?: FormProps<TValues>['onValuesChange'];
  width?: number;
  /** Unmounts the fields while closed; off for dialogs that fill the form when they open. */
  destroyOnHidden?: boolean;
  /** Shown between the form error and the fields (a conflict notice, for instance). */
  notice?: ReactNode;
  'data-testid'?: string;
  okTestId?: string;
  formTestId?: string;
  children: ReactNode;
}

/**
 * A dialog around an API form: confirm submits it (so does Enter), server errors show on their fields or
 * above them, and the confirm button spins while the request runs.
 */
export function FormModal<TValues>({
  form,
  open,
  title,
  okText,
  onCancel,
  initialValues,
  onValuesChange,
  width,
  destroyOnHidden = true,
  notice,
  'data-testid': testId,
  okTestId,
  formTestId,
  children,
}: FormModalProps<TValues>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.form.submit()}
      onCancel={onCancel}
      confirmLoading={form.submitting}
      okButtonProps={okTestId ? { 'data-testid': okTestId } : undefined}
      width={width}
      destroyOnHidden={destroyOnHidden}
      // The form instance must be connected before the dialog first opens (fields are set on open).
      forceRender
      data-testid={testId}
    >
      <FormError message={form.formError} />
      {notice}
      <Form<TValues>
        form={form.form}
        layout="vertical"
        onFinish={form.onFinish}
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        data-testid={formTestId}
      >
        {children}
        <HiddenSubmit />
      </Form>
    </Modal>
  );
}
