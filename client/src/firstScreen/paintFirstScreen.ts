/**
 * Draws the report's first screen from this device's snapshot as soon as the page's HTML is parsed, before the
 * app's scripts and the report's Yjs copy have loaded (issue 15: text within 300 ms). It is a picture of the text,
 * not the editor: it goes away when the app shows the report (an editor, another view, or a message), when the
 * page moves elsewhere, or after 15 s. Only for the account signed in on this device, and only what was stored as
 * plain text (built with textContent, never parsed as HTML). Built apart as `/first-screen.js` (vite.config.ts),
 * a plain script index.html runs before the app; its styles come with the app's (firstScreen.css, in main.tsx).
 * Its classes are its own (never the editor's `.prose` or the app's bar), so nothing that looks for the app's
 * elements finds the picture instead.
 */
import { cachedAccountId, readFirstScreen, sectionToShow, type FirstScreenSection, type FirstScreenSnapshot } from './firstScreenStore.ts';

const REPORT_PATH = /^\/reports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;
const GIVE_UP_MS = 15_000;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function build(snapshot: FirstScreenSnapshot, section: FirstScreenSection): HTMLElement {
  const screen = element('div', 'first-screen');
  screen.id = 'first-screen';
  // A picture of the text until the editor is ready: assistive technology waits for the real page.
  screen.setAttribute('aria-hidden', 'true');
  const bar = element('header', 'first-screen__bar');
  const brand = element('span', 'first-screen__brand');
  const icon = element('img', '');
  icon.src = '/icon.svg';
  icon.alt = '';
  icon.width = icon.height = 28;
  brand.append(icon, element('span', 'first-screen__brand-name', 'Rightsdraft'));
  bar.append(brand);
  if (snapshot.ui) {
    // The interface's own language and direction, as the app will set them, and what is happening meanwhile.
    screen.lang = snapshot.ui.lang;
    screen.dir = snapshot.ui.dir === 'rtl' ? 'rtl' : 'ltr';
    bar.append(element('span', 'first-screen__status', snapshot.ui.opening));
  }
  const body = element('div', 'first-screen__body');
  body.append(element('p', 'first-screen__title', snapshot.title));
  const pane = element('div', 'first-screen__pane');
  const heading = element('p', 'first-screen__section-title', section.title);
  heading.dir = 'auto';
  const prose = element('div', 'first-screen__prose');
  if (snapshot.language) prose.lang = snapshot.language;
  let list: HTMLUListElement | null = null;
  for (const block of section.blocks) {
    if (block.k !== 'li') list = null;
    const tag = block.k === 'li' ? 'li' : block.k === 'quote' ? 'blockquote' : block.k;
    const node = element(tag, '', block.x);
    node.dir = 'auto';
    if (block.k === 'li') {
      if (!list) prose.append((list = element('ul', '')));
      list.append(node);
    } else prose.append(node);
  }
  pane.append(heading, prose);
  body.append(pane);
  screen.append(bar, body);
  return screen;
}

/** The app shows the report (or something else in its place): the picture is no longer needed. */
function appHasTakenOver(root: HTMLElement, path: string): boolean {
  if (location.pathname !== path) return true;
  if (root.querySelector('.ProseMirror')) return true;
  // The whole-report view lays out every section before it mounts editors near the screen: wait for them, unless
  // the first section has no text to show or the report has no section.
  const whole = root.querySelector('.whole-report');
  if (whole) return !whole.querySelector('.whole-section') || Boolean(whole.querySelector('.whole-section:first-child > .muted'));
  const main = root.querySelector('main');
  // A main that is not the "opening" placeholder: another report view, an empty report, or a message.
  if (main && !main.classList.contains('report-placeholder')) return !root.querySelector('.editor--loading');
  return Boolean(main?.querySelector('a, button'));
}

/** Draw the first screen when this device holds one for the page; says whether it did. */
function paint(): 'drawn' | 'none' {
  const match = REPORT_PATH.exec(location.pathname);
  const root = document.getElementById('root');
  if (!match || !root) return 'none';
  const reportId = match[1]!;
  let snapshot: FirstScreenSnapshot | null = null;
  let remembered: string | null = null;
  try {
    snapshot = readFirstScreen(localStorage, reportId);
    remembered = sessionStorage.getItem(`rightsdraft.section.${reportId}`);
    if (!snapshot || snapshot.accountId !== cachedAccountId(localStorage)) return 'none';
  } catch {
    return 'none'; // Storage refused: the app opens as usual.
  }
  // The whole-report view starts at the top: the first section.
  const whole = new URLSearchParams(location.search).get('layout') === 'whole';
  const section = sectionToShow(snapshot, whole ? null : remembered);
  if (!section) return 'none';
  const screen = build(snapshot, section);
  document.body.insertBefore(screen, root);
  const path = location.pathname;
  const done = () => {
    observer.disconnect();
    clearTimeout(timer);
    screen.remove();
  };
  const observer = new MutationObserver(() => {
    if (appHasTakenOver(root, path)) done();
  });
  observer.observe(root, { childList: true, subtree: true });
  const timer = setTimeout(done, GIVE_UP_MS);
  return 'drawn';
}

// Said on the page, for tests and for anyone looking at why a page opened as it did.
document.documentElement.dataset.firstScreen = paint();
