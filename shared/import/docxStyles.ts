/** What import needs from styles.xml, numbering.xml and the relationship parts. */
import { child, childrenNamed, type XNode } from './xml.ts';

interface StyleDef {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  numId: string | null;
}

export interface StyleInfo {
  /** 1-based heading level of a paragraph style (from its outline level or its "heading N" name), or null. */
  headingLevel(styleId: string | null): number | null;
  /** The style's name, lower-case ("title", "quote", "heading 1"), following basedOn when the id is unknown. */
  name(styleId: string | null): string;
  /** Numbering a style carries (List Bullet, List Number), if any. */
  numId(styleId: string | null): string | null;
}

function intAttr(node: XNode | undefined): number | null {
  const v = node?.attrs.val;
  if (v === undefined) return null;
  const n = Number(v);
  return Number.isInteger(n) ? n : null;
}

export function readStyles(root: XNode | null): StyleInfo {
  const defs = new Map<string, StyleDef>();
  const styles = child(root ?? undefined, 'styles');
  for (const style of childrenNamed(styles, 'style')) {
    if (style.attrs.type && style.attrs.type !== 'paragraph') continue;
    const id = style.attrs.styleId;
    if (!id) continue;
    const pPr = child(style, 'pPr');
    defs.set(id, {
      name: (child(style, 'name')?.attrs.val ?? id).toLowerCase(),
      basedOn: child(style, 'basedOn')?.attrs.val ?? null,
      outlineLevel: intAttr(child(pPr, 'outlineLvl')),
      numId: child(child(pPr, 'numPr'), 'numId')?.attrs.val ?? null,
    });
  }
  /** Walk the basedOn chain (bounded: a broken file may loop). */
  const find = <T>(styleId: string | null, pick: (d: StyleDef) => T | null): T | null => {
    let id = styleId;
    for (let depth = 0; id && depth < 12; depth++) {
      const def = defs.get(id);
      if (!def) return null;
      const value = pick(def);
      if (value !== null) return value;
      id = def.basedOn;
    }
    return null;
  };
  return {
    headingLevel: (styleId) =>
      find(styleId, (d) => {
        const byName = /^heading\s*([1-9])$/.exec(d.name);
        if (byName) return Number(byName[1]);
        if (d.outlineLevel !== null && d.outlineLevel < 9) return d.outlineLevel + 1;
        return null;
      }) ?? (styleId && /^heading([1-9])$/i.test(styleId) ? Number(styleId.slice(-1)) : null),
    name: (styleId) => (styleId ? (defs.get(styleId)?.name ?? styleId.toLowerCase()) : ''),
    numId: (styleId) => find(styleId, (d) => d.numId),
  };
}

export interface NumberingInfo {
  /** Whether list `numId` at level `ilvl` counts (decimal, letters, roman) rather than bullets. */
  isOrdered(numId: string, ilvl: number): boolean;
}

export function readNumbering(root: XNode | null): NumberingInfo {
  const numbering = child(root ?? undefined, 'numbering');
  const abstractFormats = new Map<string, Map<number, string>>();
  for (const abs of childrenNamed(numbering, 'abstractNum')) {
    const levels = new Map<number, string>();
    for (const lvl of childrenNamed(abs, 'lvl')) levels.set(Number(lvl.attrs.ilvl ?? 0), child(lvl, 'numFmt')?.attrs.val ?? 'decimal');
    abstractFormats.set(abs.attrs.abstractNumId ?? '', levels);
  }
  const nums = new Map<string, string>();
  for (const num of childrenNamed(numbering, 'num')) nums.set(num.attrs.numId ?? '', child(num, 'abstractNumId')?.attrs.val ?? '');
  return {
    isOrdered(numId, ilvl) {
      const format = abstractFormats.get(nums.get(numId) ?? '')?.get(ilvl);
      return format !== undefined && format !== 'bullet' && format !== 'none';
    },
  };
}

/** Relationship id -> external target (hyperlinks). */
/** Relationship id -> package path (`word/media/image1.png`) of the pictures a part embeds; linked ones left out. */
export function readImageRels(root: XNode | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of childrenNamed(child(root ?? undefined, 'Relationships'), 'Relationship')) {
    const { Id: id, Target: target, Type: type, TargetMode: mode } = rel.attrs;
    if (!id || !target || !/\/image$/.test(type ?? '') || mode === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : `word/${target.replace(/^\.\//, '')}`;
    out.set(id, path);
  }
  return out;
}

export function readRels(root: XNode | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of childrenNamed(child(root ?? undefined, 'Relationships'), 'Relationship')) {
    if (rel.attrs.Id && rel.attrs.Target && /hyperlink$/.test(rel.attrs.Type ?? '')) out.set(rel.attrs.Id, rel.attrs.Target);
  }
  return out;
}
