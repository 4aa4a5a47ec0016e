/*
 * Rightsdraft: the display theme before the first paint. index.html loads this plain script in <head>, before the
 * stylesheets, so a high-contrast page never flashes in the standard colours. It must agree with
 * client/src/display/theme.ts (same key and values; client/src/display/theme.test.ts runs it to check), which keeps
 * the theme current once the app runs.
 */
(function () {
  var choice = 'system';
  try {
    var kept = localStorage.getItem('rightsdraft.theme');
    if (kept === 'standard' || kept === 'high-contrast') choice = kept;
  } catch (e) {
    // Storage refused: follow the device.
  }
  var more = false;
  try {
    more = window.matchMedia('(prefers-contrast: more)').matches;
  } catch (e) {
    // No matchMedia: standard.
  }
  document.documentElement.setAttribute('data-theme', choice === 'system' ? (more ? 'high-contrast' : 'standard') : choice);
})();
