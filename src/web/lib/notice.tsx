import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A centred message for a page that cannot be shown (not found, not allowed, failed to load). */
export function Notice({ title, text, extra }: { title: string; text: ReactNode; extra?: ReactNode }) {
  return (
    <div role="status" style={{ textAlign: 'center', padding: '48px 16px', maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      {extra}
    </div>
  );
}
