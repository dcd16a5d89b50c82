// Our own error boundary: a failure shows one line, never a stack (Ink's boundary prints the
// stack into the screen), and runReader is told so it can restore the terminal and exit 1.
import { Component, type ReactNode } from 'react';
import { Text } from 'ink';
import { sanitizeLine } from '../text/sanitize.js';

interface Props {
  children: ReactNode;
  onError(error: unknown): void;
}

interface State {
  error: unknown;
}

export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `broadsheet: ${sanitizeLine(message)}`;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    if (this.state.error !== null) return <Text>{errorLine(this.state.error)}</Text>;
    return this.props.children;
  }
}
