/**
 * Which sections of the whole-report view are near the viewport, from two IntersectionObservers on the scrolling
 * element: a section is mounted once it comes within one screen (`near`) and unmounted only after it has gone more
 * than three screens away (`kept`), so scrolling back and forth a little never rebuilds an editor.
 */
export type Nearness = 'near' | 'kept' | 'far';

export class NearViewport {
  private readonly near: IntersectionObserver;
  private readonly keep: IntersectionObserver;
  private readonly state = new Map<Element, { near: boolean; kept: boolean; listener: (n: Nearness) => void }>();

  constructor(root: Element) {
    const update = (entries: IntersectionObserverEntry[], field: 'near' | 'kept') => {
      for (const entry of entries) {
        const s = this.state.get(entry.target);
        if (!s) continue;
        s[field] = entry.isIntersecting;
        s.listener(s.near ? 'near' : s.kept ? 'kept' : 'far');
      }
    };
    this.near = new IntersectionObserver((e) => update(e, 'near'), { root, rootMargin: '100% 0px' });
    this.keep = new IntersectionObserver((e) => update(e, 'kept'), { root, rootMargin: '300% 0px' });
  }

  watch(element: Element, listener: (n: Nearness) => void): () => void {
    this.state.set(element, { near: false, kept: false, listener });
    this.near.observe(element);
    this.keep.observe(element);
    return () => {
      this.near.unobserve(element);
      this.keep.unobserve(element);
      this.state.delete(element);
    };
  }

  disconnect(): void {
    this.near.disconnect();
    this.keep.disconnect();
    this.state.clear();
  }
}
