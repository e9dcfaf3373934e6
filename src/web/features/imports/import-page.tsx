import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../lib/page-header.tsx';
import { ImportHistory } from './import-history.tsx';
import { ImportWizard } from './import-wizard.tsx';

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
          { key: 'wizard', label: t('imports.tabs.wizard'), children: <ImportWizard /> },
          { key: 'history', label: t('imports.tabs.history'), children: <ImportHistory /> },
        ]}
      />
    </>
  );
}
