// A calm message where there is nothing to show: a title and a hint.
import type { ComponentChildren } from 'preact';

export function EmptyState({ title, children }: { title: ComponentChildren; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty__title">{title}</p>
      {children && <p class="empty__hint">{children}</p>}
    </div>
  );
}
