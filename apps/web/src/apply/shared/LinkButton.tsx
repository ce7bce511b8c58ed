// A link that looks like a button: a real <a href> (opens in a new tab, reads as a link) that
// moves inside the app without reloading it; never a <button> nested in an <a>.
import { useNavigate } from '@tanstack/react-router';
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';

export type LinkButtonProps = Omit<ButtonProps, 'href' | 'onClick'> & {
  readonly to: string;
  /** The fragment, without `#`. */
  readonly hash?: string;
};

export function LinkButton({ to, hash, ...props }: LinkButtonProps) {
  const navigate = useNavigate();
  const href = hash ? `${to}#${hash}` : to;
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate({ to, ...(hash ? { hash } : {}) });
  };
  return <Button {...props} href={href} onClick={onClick} />;
}
