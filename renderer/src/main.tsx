import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
// In this order (later rules win over earlier ones of equal weight).
import './styles/app.css';
import './styles/library.css';
import './styles/editor.css';
import './styles/editor-forms.css';
import './styles/findings.css';
import './styles/table-section.css';
import './styles/grid.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
