/**
 * The section editor, loaded on demand (TipTap and ProseMirror are most of the app's code). One lazy component
 * for every view: a second `lazy()` of the same module would suspend once more on its first use, and a page
 * switching views would hide editors that are already open.
 */
import { lazy } from 'react';

export const LazySectionEditor = lazy(() => import('./SectionEditor.tsx'));
