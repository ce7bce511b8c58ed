// The POS keypad: digits, 取消 (back), 退格 (delete) and 确认 (OK). The screen shown registers
// what the keys do (useKeypad); a menu takes digits as choices, a form types them into a field.
import { Button } from 'antd';
import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';

export type PosKey =
  '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '.' | 'clear' | 'back' | 'confirm';

export type KeyHandler = {
  readonly onKey: (key: PosKey) => void;
  /** 确认 is greyed out while the screen's input is incomplete. */
  readonly canConfirm?: boolean;
  readonly canBack?: boolean;
};

type Flags = { readonly canConfirm: boolean; readonly canBack: boolean };

type Registry = {
  /** The latest screen's key handler (a ref: it changes with every keystroke). */
  readonly onKey: RefObject<((key: PosKey) => void) | null>;
  readonly flags: Flags;
  readonly setFlags: (flags: Flags) => void;
};

const KeypadContext = createContext<Registry | null>(null);

export function KeypadProvider({ children }: { readonly children: ReactNode }) {
  const onKey = useRef<((key: PosKey) => void) | null>(null);
  const [flags, setFlags] = useState<Flags>({ canConfirm: true, canBack: true });
  const registry = useMemo(() => ({ onKey, flags, setFlags }), [flags]);
  return <KeypadContext.Provider value={registry}>{children}</KeypadContext.Provider>;
}

/** The current screen's keys: its handler after every render, its flags when they change. */
export function useKeypad(handler: KeyHandler): void {
  const registry = useContext(KeypadContext);
  const canConfirm = handler.canConfirm ?? true;
  const canBack = handler.canBack ?? true;
  useEffect(() => {
    if (registry) registry.onKey.current = handler.onKey;
  });
  const setFlags = registry?.setFlags;
  useEffect(() => {
    setFlags?.({ canConfirm, canBack });
  }, [setFlags, canConfirm, canBack]);
}

const DIGITS: readonly PosKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0'];

const keyStyle = { height: 44, fontSize: 18, fontWeight: 600 } as const;

export function Keypad({ disabled }: { readonly disabled: boolean }) {
  const { t } = useTranslation('virtual-pos.device');
  const registry = useContext(KeypadContext);
  const press = (key: PosKey) => registry?.onKey.current?.(key);
  const flags = registry?.flags;
  return (
    <div
      role="group"
      aria-label={t('keys.keypad')}
      style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8, marginTop: 16 }}
    >
      {DIGITS.map((key) => (
        <Button
          key={key}
          style={keyStyle}
          disabled={disabled}
          onClick={() => press(key)}
          data-testid={`pos-key-${key === '.' ? 'dot' : key}`}
        >
          {key}
        </Button>
      ))}
      <Button style={keyStyle} disabled={disabled} onClick={() => press('clear')}>
        {t('keys.clear')}
      </Button>
      <Button
        danger
        style={keyStyle}
        disabled={disabled || flags?.canBack === false}
        onClick={() => press('back')}
        data-testid="pos-back"
      >
        {t('keys.back')}
      </Button>
      <Button
        type="primary"
        style={{ ...keyStyle, gridColumn: 'span 2', background: disabled ? undefined : '#389e0d' }}
        disabled={disabled || flags?.canConfirm === false}
        onClick={() => press('confirm')}
        data-testid="pos-confirm"
      >
        {t('keys.confirm')}
      </Button>
    </div>
  );
}
