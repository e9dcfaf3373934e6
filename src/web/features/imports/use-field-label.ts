import { useTranslation } from 'react-i18next';

/** The translated name of a target field ("orderId" → 訂單編號). */
export function useFieldLabel(): (field: string) => string {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const key = `importFields.${field}`;
    return i18n.exists(key) ? t(key) : field;
  };
}
