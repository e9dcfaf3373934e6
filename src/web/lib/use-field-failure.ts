import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, problemFieldText } from './form-errors.ts';

/**
 * A request's failure outside a form's own fields: said as a message (the problem's detail), and what
 * it says about `field` (a split's dimension with no members in the data…) kept to show under that
 * field (`item`: a Form.Item's error state and help), worded from its code by the web's i18n.
 */
export function useFieldFailure(field: string): {
  item: { validateStatus?: 'error'; help?: string };
  clear: () => void;
  failed: (error: unknown) => void;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState<string | undefined>();
  return {
    item: text === undefined ? {} : { validateStatus: 'error', help: text },
    clear: () => setText(undefined),
    failed: (error) => {
      setText(problemFieldText(error, t, field));
      void message.error(errorMessage(error, t));
    },
  };
}
