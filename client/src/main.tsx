import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/i18n.ts';
import { registerServiceWorker } from './sw/registerServiceWorker.ts';
import './styles/base.css';
import './styles/app.css';
import './styles/rtl.css';
import './firstScreen/firstScreen.css';
import './display/theme.ts';

// The first screen is drawn in the reader's language: its messages (one small chunk) load first.
void initI18n().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

registerServiceWorker();
