// The input fields of a POS screen: typed on the keyboard or with the POS keypad (which types
// into the field last focused), each labelled, with its problem shown once something is typed.
import { Form, Input } from 'antd';
import { useState } from 'react';
import type { PosKey } from './keypad.tsx';

export type Fields<K extends string> = {
  readonly values: Readonly<Record<K, string>>;
  readonly active: K;
  focus(name: K): void;
  set(name: K, value: string): void;
  /** A digit, `.` or delete from the keypad, into the active field. */
  type(key: PosKey): void;
};

export function useFields<K extends string>(initial: Record<K, string>, first: K): Fields<K> {
  const [values, setValues] = useState<Record<K, string>>(initial);
  const [active, setActive] = useState<K>(first);
  const set = (name: K, value: string) => setValues((old) => ({ ...old, [name]: value }));
  const type = (key: PosKey) => {
    const now = values[active];
    if (key === 'clear') set(active, now.slice(0, -1));
    else if (/^[0-9.]$/.test(key)) set(active, now + key);
  };
  return { values, active, focus: setActive, set, type };
}

export type PosFieldProps<K extends string> = {
  readonly fields: Fields<K>;
  readonly name: K;
  readonly label: string;
  readonly testId: string;
  /** The problem to show, or null when the value is acceptable. */
  readonly problem: string | null;
  readonly secret?: boolean;
  readonly help?: string;
  readonly maxLength?: number;
};

export function PosField<K extends string>(props: PosFieldProps<K>) {
  const { fields, name, problem } = props;
  const value = fields.values[name];
  const shown = value !== '' && problem !== null;
  const id = `pos-field-${name}`;
  const common = {
    id,
    value,
    maxLength: props.maxLength ?? 40,
    inputMode: 'decimal' as const,
    autoComplete: 'off',
    'data-testid': props.testId,
    onFocus: () => fields.focus(name),
    onChange: (event: { target: { value: string } }) => fields.set(name, event.target.value),
    style: fields.active === name ? { borderColor: '#1d39c4' } : undefined,
  };
  return (
    <Form.Item
      label={props.label}
      htmlFor={id}
      validateStatus={shown ? 'error' : undefined}
      help={shown ? <span role="alert">{problem}</span> : props.help}
      style={{ marginBottom: 10 }}
    >
      {props.secret ? <Input.Password {...common} /> : <Input {...common} />}
    </Form.Item>
  );
}
