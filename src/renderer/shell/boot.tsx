// Renders the app (loaded by main.tsx once zod is configured).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Ant Design's prebuilt styles: with theme.zeroRuntime it injects no <style> at run time.
import 'antd/dist/antd.css';
// The CJK face of last resort, shipped with the app (unicode-range subsets, only those a
// screen uses are loaded): a machine without a system CJK font still shows Chinese.
import '@fontsource/noto-sans-sc/400.css';
import './shell.css';
import { App } from '../App';
import { currentBridge } from '../bridge';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const { bridge, host } = currentBridge();
createRoot(container).render(
  <StrictMode>
    <App bridge={bridge} host={host} />
  </StrictMode>,
);
