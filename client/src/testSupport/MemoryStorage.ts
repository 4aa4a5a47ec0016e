/** Web Storage held in memory, for unit tests of code that keeps things in localStorage (Node has none). */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  /** Refuse writes past this many characters in all, as a full browser storage does. */
  constructor(private readonly quota = Infinity) {}
  [name: string]: unknown;
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    const used = [...this.items].reduce((sum, [key, value]) => sum + (key === k ? 0 : key.length + value.length), 0);
    // i18n-exempt: the browser's own error, in tests only
    if (used + k.length + v.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, String(v));
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
  clear(): void {
    this.items.clear();
  }
  keys(): string[] {
    return [...this.items.keys()].sort();
  }
}
