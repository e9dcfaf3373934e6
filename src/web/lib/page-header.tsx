import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title with a short, plain-language explanation of what the page is for. */
export function PageHeader({ title, help, extra }: { title: string; help: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 12,
          flexWrap: 'wrap',
        }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, maxWidth: 760 }}>
        {help}
      </Typography.Paragraph>
    </div>
  );
}

/** Banner telling a viewer (or member) why the form cannot be edited. */
export function ReadOnlyNotice({ text }: { text: string }) {
  return <Alert type="info" showIcon title={text} style={{ marginBottom: 16 }} />;
}
