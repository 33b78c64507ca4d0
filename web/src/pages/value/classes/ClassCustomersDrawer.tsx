import { useMemo } from 'react';
import { Drawer } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../../components/DataTable/index.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { classCustomersEndpoint, type ClassesParams } from '../shared/api.ts';
import { valueClassLabel } from '../shared/labels.ts';
import { PartyName } from '../shared/PartyName.tsx';
import type { ValueClassCustomer } from '../shared/types.ts';

/** The customers of one value class, with their revenue, cost to serve, profit and both classes. */
export function ClassCustomersDrawer({
  cls,
  params,
  currency,
  onClose,
}: {
  cls: string | null;
  params: ClassesParams;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const columns = useMemo<DataColumn<ValueClassCustomer>[]>(() => {
    const money = (v: string) => format.money(Number(v), currency);
    return [
      { key: 'partyId', title: t('value.customer'), render: (c) => <PartyName id={c.partyId} /> },
      {
        key: 'loyaltyClass',
        title: t('value.classesPage.loyaltyClass'),
        render: (c) => valueClassLabel(t, c.loyaltyClass),
      },
      { key: 'costClass', title: t('value.classesPage.costClass'), render: (c) => valueClassLabel(t, c.costClass) },
      { key: 'frequency', title: t('value.rfm.frequency'), align: 'right' },
      { key: 'revenue', title: t('value.classesPage.revenue'), align: 'right', render: (c) => money(c.revenue) },
      {
        key: 'costToServe',
        title: t('value.classesPage.costToServe'),
        align: 'right',
        render: (c) => money(c.costToServe),
      },
      { key: 'profit', title: t('value.classesPage.profit'), align: 'right', render: (c) => money(c.profit) },
    ];
  }, [t, format, currency]);
  return (
    <Drawer
      open={cls !== null}
      onClose={onClose}
      width={900}
      title={cls ? valueClassLabel(t, cls) : ''}
      destroyOnHidden
      data-testid="value-class-customers"
    >
      {cls && (
        <DataTable<ValueClassCustomer>
          tableKey="value.classes.customers"
          endpoint={classCustomersEndpoint}
          fixedParams={{ ...params, class: cls }}
          columns={columns}
          rowKey={(c) => c.partyId}
          onOpen={(c) => void navigate(`/parties/${c.partyId}`)}
          data-testid="value-class-customers-table"
        />
      )}
    </Drawer>
  );
}
