/**
 * Every language has every message, and every message the code asks for exists: a key used in a `t('...')` call
 * (or `i18nKey="..."`) anywhere in the client must be in English, and each of the other five languages must have
 * exactly English's keys, each a valid ICU message with the same placeholders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../../shared/i18n/languages.ts';

const here = import.meta.dirname;
const srcDir = path.resolve(here, '..');

const areasDir = path.join(here, 'areas');
const areaNames = fs.existsSync(areasDir) ? fs.readdirSync(areasDir).sort() : [];

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
}

/** The files holding one language's messages: the core file and each area's. */
function messageFiles(language: string): string[] {
  return [
    path.join(here, `${language}.json`),
    ...areaNames.map((area) => path.join(areasDir, area, `${language}.json`)).filter((f) => fs.existsSync(f)),
  ];
}

/** One language's messages from all its files, as the app merges them. */
function load(language: string): Record<string, string> {
  return Object.assign({}, ...messageFiles(language).map(readJson)) as Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The keys the code asks for: the first argument of t(...) when it is a string literal, and i18nKey props. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [/\bt\(\s*(['"`])([\w.-]+)\1/g, /i18nKey=(["'])([\w.-]+)\1/g];
  for (const file of sourceFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) used.set(m[2]!, path.relative(srcDir, file));
  }
  return used;
}

/** The names of the arguments a message takes ({count}, {name}, ...), from its parsed form. */
function argumentNames(message: string, language: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      // 0 literal, 7 pound: no names; every other kind names its argument in `value` (tags in `value` too).
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') names.add(node.value);
      if (node.options) for (const option of Object.values(node.options)) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, language).getAst() as unknown[]);
  return [...names].sort();
}

const english = load('en');

describe('interface messages', () => {
  it.each(UI_LANGUAGES)('[I18N0] each %s key is defined in one file only, and every area has every language', (language) => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of messageFiles(language)) {
      for (const key of Object.keys(readJson(file))) {
        if (seen.has(key)) twice.push(`${key} (${path.relative(here, seen.get(key)!)} and ${path.relative(here, file)})`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
    const areasWithout = areaNames.filter((area) => !fs.existsSync(path.join(areasDir, area, `${language}.json`)));
    expect(areasWithout).toEqual([]);
  });

  it('[I18N1] every key used in the code exists in English', () => {
    const missing = [...usedKeys()].filter(([key]) => !(key in english)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('[I18N2] %s has exactly the English keys', (language) => {
    const messages = load(language);
    expect(Object.keys(messages).filter((k) => !(k in english)), 'keys English lacks').toEqual([]);
    expect(Object.keys(english).filter((k) => !(k in messages) || !messages[k]!.trim()), 'keys missing').toEqual([]);
  });

  it.each(UI_LANGUAGES)('[I18N3] every %s message is valid ICU with the English placeholders', (language) => {
    const messages = load(language);
    const wrong = Object.entries(messages).filter(([key, message]) => {
      try {
        return argumentNames(message, language).join() !== argumentNames(english[key] ?? '', 'en').join();
      } catch {
        return true;
      }
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});
