import { Button, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Upload as UploadDto } from '../../../contract/imports.ts';
import { FileDrop } from './file-drop.tsx';
import type { DateOrderChoice, ImportKind } from './imports-api.ts';
import { KindPicker } from './kind-picker.tsx';
import { UploadFacts } from './upload-facts.tsx';

export interface StepUploadProps {
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  upload: UploadDto | null;
  onUploaded: (u: UploadDto) => void;
  sheet: string | undefined;
  setSheet: (s: string) => void;
  dateOrder: DateOrderChoice;
  setDateOrder: (v: DateOrderChoice) => void;
  onNext: () => void;
}

/** Step 1: what kind of file, the file itself, its sheet and how its slash dates read. */
export function StepUpload(props: StepUploadProps) {
  const { t } = useTranslation();
  const { upload } = props;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <KindPicker kind={props.kind} onChange={props.setKind} />
      <FileDrop onUploaded={props.onUploaded} />
      {upload && <UploadFacts upload={upload} />}
      {upload && upload.sheets.length > 0 && (
        <div>
          <Typography.Text strong>{t('imports.sheet')}</Typography.Text>
          <Select
            aria-label={t('imports.sheet')}
            // not display: block, which breaks the Select's own flex row (the arrow drops below the name)
            style={{ width: '100%', maxWidth: 360, marginTop: 4 }}
            value={props.sheet ?? upload.sheet ?? upload.sheets[0]}
            onChange={props.setSheet}
            options={upload.sheets.map((s) => ({ value: s, label: s }))}
          />
        </div>
      )}
      <div>
        <Typography.Text strong>{t('imports.slashDates')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
          {t('imports.slashDatesHelp')}
        </Typography.Paragraph>
        <Radio.Group
          value={props.dateOrder}
          onChange={(e) => props.setDateOrder(e.target.value as DateOrderChoice)}
        >
          <Radio value="auto">{t('imports.dateAuto')}</Radio>
          <Radio value="dayFirst">{t('imports.dayFirst')}</Radio>
          <Radio value="monthFirst">{t('imports.monthFirst')}</Radio>
        </Radio.Group>
      </div>
      <div>
        <Button type="primary" disabled={!upload} onClick={props.onNext}>
          {t('imports.next')}
        </Button>
      </div>
    </Space>
  );
}
