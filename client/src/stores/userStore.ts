/**
 * The merge of the treaty branch renamed this module to deviceStore.ts while three components still import
 * it here; this re-export keeps the branch building. Delete it once the accounts UI (which reworks the device
 * store and these imports) is merged.
 */
export { useUserStore } from './deviceStore.ts';
