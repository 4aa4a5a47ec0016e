/** Icons of the treaty features, drawn like ui/Icon.tsx (24 x 24, stroke) and decorative in the same way. */
const PATHS = {
  tag: 'M3 12V4h8l10 10-8 8zM7.5 8.5h.01',
  filter: 'M4 5h16l-6 8v5l-4 2v-7z',
  check: 'M5 12.5l4.5 4.5L19 7',
  cross: 'M6 6l12 12M18 6L6 18',
  alert: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5h.01',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  flag: 'M5 21V4M5 4h11l-2 4 2 4H5',
  list: 'M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01',
  history: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4M12 8v4l3 2',
  clipboard: 'M9 4h6v3H9zM7 5H5v16h14V5h-2M8 12l2.5 2.5L16 9',
  cover: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  pen: 'M4 20h4L19 9l-4-4L4 16z',
  up: 'M12 19V5M6 11l6-6 6 6',
  down: 'M12 5v14M6 13l6 6 6-6',
  arrow: 'M5 12h14M13 6l6 6-6 6',
} as const;

export type TreatyIconName = keyof typeof PATHS;

export function TreatyIcon({ name, size = 18 }: { name: TreatyIconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
