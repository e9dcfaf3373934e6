import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ImportJob, Upload as UploadDto } from '../../../contract/imports.ts';
import { api, companyPath } from '../../api/client.ts';
import { companyDataChanged } from '../../api/company-data.ts';
import { useCurrentCompany } from '../../lib/use-company.ts';
import type { DateOrderChoice, ImportKind, ImportOptions, Mapping } from './imports-api.ts';

export type WizardStep = 0 | 1 | 2 | 3;

/**
 * The wizard's state: the file and its reading options (a change of kind, file or sheet drops a
 * chosen mapping), the running job, and the finished one. The steps only display and edit it.
 */
export function useImportWizard(initialKind: ImportKind) {
  const { companyId } = useCurrentCompany();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<WizardStep>(0);
  const [kind, setKindState] = useState<ImportKind>(initialKind);
  const [upload, setUploadState] = useState<UploadDto | null>(null);
  const [sheet, setSheetState] = useState<string | undefined>();
  const [dateOrder, setDateOrder] = useState<DateOrderChoice>('auto');
  const [strict, setStrict] = useState(false);
  const [channel, setChannel] = useState<string | undefined>();
  const [setCompanyCurrency, setSetCompanyCurrency] = useState(false);
  const [mapping, setMapping] = useState<Mapping | undefined>();
  const [savePresetAs, setSavePresetAs] = useState('');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [finished, setFinished] = useState<ImportJob | null>(null);

  const options: ImportOptions | null = useMemo(
    () =>
      upload
        ? {
            uploadId: upload.uploadId,
            kind,
            ...(dateOrder === 'auto' ? {} : { dayFirst: dateOrder === 'dayFirst' }),
            ...(upload.sheets.length > 0 ? { sheet: sheet ?? upload.sheet ?? upload.sheets[0] } : {}),
            ...(mapping ? { mapping } : {}),
            ...(channel?.trim() ? { channel: channel.trim() } : {}),
          }
        : null,
    [upload, kind, dateOrder, sheet, mapping, channel],
  );

  const commit = useMutation({
    mutationFn: (m: Mapping) =>
      api.post<ImportJob>(companyPath(companyId, '/imports'), {
        ...options,
        mapping: m,
        strict,
        setCompanyCurrency,
        ...(savePresetAs.trim() ? { savePresetAs: savePresetAs.trim() } : {}),
      }),
    onSuccess: (started) => {
      setJob(started);
      setStep(2);
    },
  });

  const setKind = (k: ImportKind) => {
    setKindState(k);
    setMapping(undefined);
    setChannel(undefined);
  };
  const setUpload = (u: UploadDto) => {
    setUploadState(u);
    // The sheet the server found the table on (a workbook may open on a cover or a summary).
    setSheetState(u.sheet ?? u.sheets[0]);
    setMapping(undefined);
    setChannel(undefined);
    setSetCompanyCurrency(false);
  };
  const setSheet = (s: string) => {
    setSheetState(s);
    setMapping(undefined);
  };

  const reset = () => {
    setStep(0);
    setUploadState(null);
    setSheetState(undefined);
    setMapping(undefined);
    setDateOrder('auto');
    setStrict(false);
    setChannel(undefined);
    setSetCompanyCurrency(false);
    setSavePresetAs('');
    setJob(null);
    setFinished(null);
    commit.reset();
  };

  const onDone = useCallback(
    (done: ImportJob) => {
      setFinished(done);
      setStep(3);
      companyDataChanged(queryClient, companyId);
    },
    [queryClient, companyId],
  );

  return {
    step,
    setStep,
    kind,
    setKind,
    upload,
    setUpload,
    sheet,
    setSheet,
    dateOrder,
    setDateOrder,
    strict,
    setStrict,
    channel,
    setChannel,
    setCompanyCurrency,
    setSetCompanyCurrency,
    options,
    setMapping,
    savePresetAs,
    setSavePresetAs,
    commit,
    job,
    finished,
    onDone,
    reset,
  };
}
