// A labelled passphrase input, the one every passphrase of the app is typed into:
// unlocking, creating the vault, changing the passphrase, restoring a backup, rotating
// the keys. The input's id is also its test id, and the label points at it.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';

export function PassphraseField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  disabled,
  autoFocus,
  onPressEnter,
  extra,
  error,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password' | 'off';
  disabled?: boolean;
  autoFocus?: boolean;
  onPressEnter?: () => void;
  /** Shown under the input (the strength meter). */
  extra?: ReactNode;
  /** Shown under the input, the field marked wrong; nothing when absent. */
  error?: ReactNode;
}) {
  return (
    <Form.Item
      layout="vertical"
      label={label}
      htmlFor={id}
      extra={extra}
      validateStatus={error ? 'error' : undefined}
      help={error || undefined}
    >
      <Input.Password
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={onPressEnter}
        autoComplete={autoComplete}
        id={id}
        data-testid={id}
        disabled={disabled}
      />
    </Form.Item>
  );
}
