import { Typography, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A titled white box (what antd's Card does, without pulling Card's tabs into every page's bundle).
 * `small` is for boxes nested inside another panel.
 */
export function Panel({
  title,
  extra,
  small = false,
  style,
  children,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  small?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const pad = small ? 12 : 24;
  return (
    <section
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {(title || extra) && (
        <header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            padding: `${small ? 8 : 14}px ${pad}px`,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={small ? 5 : 4} style={{ margin: 0, fontSize: small ? 14 : 16 }}>
            {title}
          </Typography.Title>
          {extra}
        </header>
      )}
      <div style={{ padding: pad }}>{children}</div>
    </section>
  );
}
