import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Upload as UploadDto } from '../../../contract/imports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { delimiterKey, encodingKey } from './imports-api.ts';

/** What the server found in an uploaded file: name, size, format, encoding and delimiter. */
export function UploadFacts({ upload }: { upload: UploadDto }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 2 }}
      data-testid="upload-facts"
      items={[
        { key: 'file', label: t('imports.file'), children: upload.fileName },
        {
          key: 'size',
          label: t('imports.size'),
          children: t('imports.bytes', { n: formatNumber(upload.bytes, lang) }),
        },
        {
          key: 'format',
          label: t('imports.format'),
          children: t(`imports.formats.${upload.format}`),
        },
        ...(upload.format === 'xlsx'
          ? []
          : [
              {
                key: 'encoding',
                label: t('imports.encoding'),
                children: <span data-testid="detected-encoding">{t(encodingKey(upload.encoding))}</span>,
              },
              {
                key: 'delimiter',
                label: t('imports.delimiter'),
                children: t(delimiterKey(upload.delimiter)),
              },
            ]),
      ]}
    />
  );
}
