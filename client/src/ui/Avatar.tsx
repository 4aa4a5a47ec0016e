import { initials } from '../user/user.ts';

/**
 * A person's initials on their colour; `label` is read instead of the initials. An empty label marks it as
 * decoration (the name is written beside it), hidden from screen readers rather than an image without a name.
 */
export function Avatar({ name, color, size = 'md', label }: { name: string; color: string; size?: 'sm' | 'md'; label?: string }) {
  if (label === '') {
    return (
      <span className={`avatar avatar--${size}`} style={{ backgroundColor: color, ['--avatar-color' as string]: color }} aria-hidden="true">
        {initials(name)}
      </span>
    );
  }
  return (
    <span className={`avatar avatar--${size}`} style={{ backgroundColor: color, ['--avatar-color' as string]: color }} title={label ?? name} role="img" aria-label={label ?? name}>
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}
