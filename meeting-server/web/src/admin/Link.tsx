// An in-app link: a real <a href> (new tab, copy link work) that navigates without reloading.
import type { ComponentChildren } from 'preact';
import { go } from './router';

export function Link({
  to,
  children,
  ...rest
}: {
  to: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        go(to);
      }}
    >
      {children}
    </a>
  );
}
