import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/form-errors.ts';
import { Panel } from '../../lib/panel.tsx';
import type { ImportKind } from './imports-api.ts';
import { StepMapping } from './step-mapping.tsx';
import { StepProgress } from './step-progress.tsx';
import { StepResult } from './step-result.tsx';
import { StepUpload } from './step-upload.tsx';
import { useImportWizard } from './use-import-wizard.ts';

/** Upload → mapping and preview → progress → result. */
export function ImportWizard({ initialKind = 'sales' }: { initialKind?: ImportKind }) {
  const { t } = useTranslation();
  const w = useImportWizard(initialKind);
  return (
    <Panel>
      <Steps
        current={w.step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.steps.upload') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.progress') },
          { title: t('imports.steps.result') },
        ]}
      />
      {w.step === 0 && (
        <StepUpload
          kind={w.kind}
          setKind={w.setKind}
          upload={w.upload}
          onUploaded={w.setUpload}
          sheet={w.sheet}
          setSheet={w.setSheet}
          dateOrder={w.dateOrder}
          setDateOrder={w.setDateOrder}
          onNext={() => w.setStep(1)}
        />
      )}
      {w.step === 1 && w.options && (
        <StepMapping
          options={w.options}
          setMapping={w.setMapping}
          choices={w}
          savePresetAs={w.savePresetAs}
          setSavePresetAs={w.setSavePresetAs}
          onBack={() => w.setStep(0)}
          onCommit={(m) => w.commit.mutate(m)}
          onKind={w.setKind}
          committing={w.commit.isPending}
          commitError={w.commit.isError ? errorMessage(w.commit.error, t) : null}
        />
      )}
      {w.step === 2 && w.job && <StepProgress start={w.job} onDone={w.onDone} />}
      {w.step === 3 && w.finished && <StepResult job={w.finished} kind={w.kind} onAgain={w.reset} />}
    </Panel>
  );
}
