import { App } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload } from '../api/client.ts';
import { errorMessage } from './form-errors.ts';

/**
 * A link to a file the API makes, fetched in the UI's language (see apiDownload); the address stays
 * a real link, so that "copy link" and a middle click still work as a plain download.
 */
export function DownloadLink({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <a
      href={href}
      download
      data-testid={testId}
      aria-busy={busy}
      onClick={(e) => {
        // a new tab or window, or a save-as, is the browser's own business
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        if (busy) return;
        setBusy(true);
        apiDownload(href)
          .catch((error: unknown) => void message.error(errorMessage(error, t)))
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </a>
  );
}
