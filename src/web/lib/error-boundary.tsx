import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './notice.tsx';

function Fallback() {
  const { t } = useTranslation();
  return (
    <Notice
      title={t('errors.crashTitle')}
      text={t('errors.crashHelp')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}

/**
 * Catches a page that fails to render or to load (e.g. a lazy chunk gone after an upgrade) and offers
 * a reload instead of a blank screen. What was saved is on the server, so a reload loses nothing saved.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }
  override render(): ReactNode {
    return this.state.failed ? <Fallback /> : this.props.children;
  }
}
