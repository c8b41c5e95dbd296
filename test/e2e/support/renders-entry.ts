// Browser entry for test/e2e/renders.test.ts: the dossier screen over a real vault in this
// page's IndexedDB (the app's Workspace, its checks run here), with the render counter
// installed before React; window.rendersTest drives it.
import './render-counter';
import { App as AntApp } from 'antd';
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { webBridge } from '../../../src/renderer/bridge/web';
import { I18nProvider } from '../../../src/renderer/i18n';
import { createWorkspace } from '../../../src/renderer/model/workspace';
import { DossierScreenView } from '../../../src/renderer/screens/dossier';
import { ImportPanel, type ImportRow } from '../../../src/renderer/screens/dossier/ImportPanel';
import { openVault } from '../../../src/vault/vault';
import { cascades, renderCounts, resetRenderCounts } from './render-counter';

const KDF = { algorithm: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
const POLICY = {
  floor: { argon2id: { memoryKiB: 64, iterations: 1 }, 'pbkdf2-sha256': { iterations: 1000 } },
  target: KDF,
};

/** A real PNG of w × h (the vault's intake reads its header). */
async function png(w: number, h: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  ctx.fillText('营业执照', 40, 40);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

const LICENSE: Record<string, string> = {
  creditCode: '91330106MA2KXXXX0L',
  companyName: '杭州青梧屿贸易有限公司',
  companyType: '有限责任公司',
  legalRepresentative: '林晓岚',
  registeredCapital: '100万元',
  establishedOn: '2020-01-02',
  validFrom: '2020-01-02',
  validUntil: 'long-term',
  address: '浙江省杭州市西湖区示例路 1 号',
  businessScope: '贸易',
};

async function reviewScreen(
  initialTab: 'review' | 'documents' = 'review',
): Promise<{ documentId: string; fields: string[] }> {
  const vault = await openVault(`renders-${Date.now()}`, { kdfPolicy: POLICY });
  await vault.create('correct horse battery staple', KDF);
  const workspace = createWorkspace(vault, { bridge: webBridge, host: 'web' });
  const dossierId = await workspace.createDossier('杭州青梧屿贸易有限公司');
  const info = await vault.importFile(
    dossierId,
    {
      // A name longer than its slot shows: cut with an ellipsis.
      name: '杭州青梧屿贸易有限公司营业执照副本扫描件（2026年11月更新，加盖公章）.png',
      bytes: await png(800, 560),
      kind: 'business-license',
    },
    {
      read: {
        fields: Object.entries(LICENSE).map(([field, value], i) => ({
          field,
          value,
          confidence: 0.95,
          box: { page: 0, x: 20, y: 20 + 40 * i, w: 300, h: 30 },
        })),
        reading: {
          source: 'paddle',
          detectedKind: 'business-license',
          warnings: [],
          needsConfirmation: [],
          pages: [{ width: 800, height: 560 }],
        },
      },
    },
  );
  const screen = document.createElement('div');
  document.body.append(screen);
  createRoot(screen).render(
    createElement(I18nProvider, {
      language: 'zh',
      setLanguage: () => undefined,
      children: createElement(
        AntApp,
        null,
        createElement(DossierScreenView, {
          workspace,
          dossierId,
          onBack: () => undefined,
          initialTab,
        }),
      ),
    }),
  );
  (window as unknown as { confirmField: typeof workspace.confirmField }).confirmField = (...args) =>
    workspace.confirmField(...args);
  // The document leaves its slot and comes back, as an import brings one (undo of a delete).
  let ticket: Awaited<ReturnType<typeof workspace.deleteDocument>> | null = null;
  (window as unknown as { removeDocument: () => Promise<void> }).removeDocument = async () => {
    ticket = await workspace.deleteDocument(info.id);
  };
  (window as unknown as { bringBack: () => Promise<void> }).bringBack = () =>
    workspace.undoDelete(ticket!);
  return { documentId: info.id, fields: Object.keys(LICENSE) };
}

/**
 * Four import rows in the import panel, below a provider rendered once (as in the app);
 * `stepRow` publishes them again with one row's progress moved on.
 */
function importRows(): void {
  const panel = document.createElement('div');
  document.body.append(panel);
  createRoot(panel).render(
    createElement(I18nProvider, {
      language: 'zh',
      setLanguage: () => undefined,
      children: createElement(Rows),
    }),
  );
}

function Rows() {
  const [rows, setRows] = useState<ImportRow[]>(() =>
    ['license', 'id-front', 'id-back', 'bank'].map((n) => ({
      name: `${n}.jpg`,
      progress: { stage: 'ocr', progress: 0.4 },
    })),
  );
  // As the import store publishes: a new list, the changed row a new object, the others kept.
  (window as unknown as { stepRow: (at: number) => void }).stepRow = (at) =>
    setRows((current) =>
      current.map((r, i) =>
        i === at ? { ...r, progress: { ...r.progress, progress: r.progress.progress + 0.1 } } : r,
      ),
    );
  return createElement(ImportPanel, {
    importer: { rows, busy: true, error: null, importBatch: stableImport, cancel: stableCancel },
  });
}
const stableImport = () => Promise.resolve();
const stableCancel = () => undefined;

(window as unknown as { rendersTest: object }).rendersTest = {
  reviewScreen,
  importRows,
  renderCounts,
  resetRenderCounts,
  cascades,
};
document.title = 'ready';
