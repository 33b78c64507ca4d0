import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from 'antd';
import { Translation } from 'react-i18next';
import { Problem } from './Problem.tsx';

interface Props {
  children: ReactNode;
  /** Changing this (e.g. the route) clears a caught error. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** Catches render errors so a bug in one page shows a message instead of a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) {
      return this.props.children;
    }
    return (
      <Translation>
        {(t) => (
          <Problem
            kind="error"
            title={t('errors.renderTitle')}
            subTitle={t('errors.renderHint')}
            data-testid="error-boundary"
            extra={
              <Button type="primary" onClick={() => window.location.reload()}>
                {t('common.reload')}
              </Button>
            }
          />
        )}
      </Translation>
    );
  }
}
