import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../lib/page-header.tsx';
import { ImportHistory } from './import-history.tsx';
import { ImportWizard } from './import-wizard.tsx';
import { IMPORT_KINDS, type ImportKind } from './imports-api.ts';

/** `?kind=marketing` (from an empty KPI's hint) opens the wizard on that kind of file. */
function kindOf(value: string | null): ImportKind {
  return IMPORT_KINDS.find((k) => k === value) ?? 'sales';
}

export default function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'wizard';
  return (
    <>
      <PageHeader title={t('imports.title')} help={t('imports.help')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'history' ? { tab: 'history' } : {}, { replace: true })}
        destroyOnHidden={false}
        items={[
          {
            key: 'wizard',
            label: t('imports.tabs.wizard'),
            children: <ImportWizard initialKind={kindOf(params.get('kind'))} />,
          },
          { key: 'history', label: t('imports.tabs.history'), children: <ImportHistory /> },
        ]}
      />
    </>
  );
}
