import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/index.ts';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('#root missing from index.html');
}
// The first paint waits for the language chunk, so no raw keys flash before the text.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
