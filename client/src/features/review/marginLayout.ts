/**
 * Where each card goes in the margin beside the text: as close to its highlight as it can be without
 * overlapping another. The active card sits exactly at its text; the ones above it move up to make room.
 * Cards whose text has gone (detached) follow the others.
 */
export interface MarginItem {
  key: string;
  /** Top of the highlighted text, in the margin's coordinates; null when it has no place in the text. */
  anchor: number | null;
  height: number;
}

export function layoutMargin(items: MarginItem[], activeKey: string | null, gap = 10): Map<string, number> {
  const placed = items.filter((i) => i.anchor !== null).sort((a, b) => a.anchor! - b.anchor! || a.key.localeCompare(b.key));
  const loose = items.filter((i) => i.anchor === null);
  const tops = new Map<string, number>();
  const pin = placed.findIndex((i) => i.key === activeKey);

  const downFrom = (index: number, floor: number) => {
    let bottom = floor;
    for (let i = index; i < placed.length; i++) {
      const item = placed[i]!;
      const top = Math.max(item.anchor!, bottom);
      tops.set(item.key, top);
      bottom = top + item.height + gap;
    }
    return bottom;
  };

  let bottom: number;
  if (pin < 0) {
    bottom = downFrom(0, 0);
  } else {
    bottom = downFrom(pin, 0);
    let ceiling = tops.get(placed[pin]!.key)!;
    for (let i = pin - 1; i >= 0; i--) {
      const item = placed[i]!;
      const top = Math.min(item.anchor!, ceiling - gap - item.height);
      tops.set(item.key, top);
      ceiling = top;
    }
    // No room above the top of the margin: lay everything out downwards after all.
    if (ceiling < 0) bottom = downFrom(0, 0);
  }
  for (const item of loose) {
    tops.set(item.key, bottom);
    bottom += item.height + gap;
  }
  return tops;
}
