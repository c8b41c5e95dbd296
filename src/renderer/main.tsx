import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { currentBridge } from './bridge';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const { bridge, host } = currentBridge();
createRoot(container).render(
  <StrictMode>
    <App bridge={bridge} host={host} />
  </StrictMode>,
);
