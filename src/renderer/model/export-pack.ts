// Export from the app: the same pack the CLI's `dossier pack` writes (src/core/pack),
// built in the renderer from the vault's documents, then handed to the host (Electron's
// save dialog, or a download in a browser). Loaded only when a person exports.
import { runChecks } from '../../core/checks';
import { localTimestamp } from '../../core/dates';
import {
  buildPack,
  PackBlockedError,
  PackFileError,
  safeFileName,
  secretKeySigner,
  type BuiltPack,
  type PackDocumentInput,
} from '../../core/pack';
import { loadRulePack } from '../../core/rule-pack';
import { webHasher } from '../../pack-host/hasher.web';
import { webImageCodec } from '../../pack-host/image-codec.web';
import { loadReportFontFromUrl } from '../../pack-host/report-font.web';
import type { VaultBridge } from '../../shared/bridge';
import type { VaultPort } from './vault-port';
import type { DossierView } from './contract';
import { WorkspaceError } from './workspace-error';
// The report's CJK font, bundled as a file of the app (the package's exports map hides it).
import reportFontUrl from '../../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf?url';

export async function exportDossierPack(
  vault: VaultPort,
  view: DossierView,
  options: {
    bridge: VaultBridge;
    confirmedBy: string;
    /** The purpose printed as a watermark on every copy ('' for none); goes to the register. */
    purpose?: string;
    /** Who receives the copies (free text), for the register of where copies went. */
    recipient?: string;
    onProgress?: (message: string, progress: number) => void;
  },
): Promise<{ savedAs: string; bytes: number } | null> {
  const progress = options.onProgress ?? (() => undefined);
  const purpose = (options.purpose ?? '').trim();
  const pack = loadRulePack(view.dossier.rulePack);
  const total = view.documents.length + 2;
  const documents: PackDocumentInput[] = [];
  for (const [i, doc] of view.documents.entries()) {
    progress(doc.info.fileName, i / total);
    documents.push({
      sourceName: doc.info.fileName,
      bytes: await vault.openDocumentBytes(doc.info.id),
      mime: doc.info.mime,
      extracted: doc.extracted,
    });
  }
  progress('report.pdf', view.documents.length / total);
  let built: BuiltPack;
  try {
    built = await buildPack(
      {
        documents,
        confirmed: view.input.confirmed,
        confirmedBy: options.confirmedBy,
        checks: view.run.checks,
        verdict: view.run.verdict,
        accounts: view.input.accounts,
        exceptions: view.exceptions,
        rulePack: pack,
        today: view.today,
        createdAt: localTimestamp(),
        app: { name: 'dossier-vault', version: import.meta.env.VITE_APP_VERSION ?? '0.0.0' },
        force: false,
        watermark: purpose === '' ? null : { text: purpose },
        // files.format judges the files as exported, after conversion and recompression.
        recheck: (files) => runChecks({ ...view.input, files }, pack),
      },
      {
        codec: webImageCodec,
        hasher: webHasher,
        font: await loadReportFontFromUrl(reportFontUrl),
        signer: secretKeySigner(
          options.confirmedBy || 'Dossier Vault',
          await vault.packSigningSecret(),
        ),
        onProgress: (m) => progress(m, (view.documents.length + 0.5) / total),
      },
    );
  } catch (error) {
    if (error instanceof PackBlockedError)
      throw new WorkspaceError('export-blocked', error.message);
    if (error instanceof PackFileError)
      throw new WorkspaceError('export-file', error.message, {
        file: error.file,
        detail: error.message,
      });
    throw error;
  }
  progress('zip', (total - 1) / total);
  const packName = safeFileName(`资料包-${view.dossier.company}-${view.today}`, 'zip');
  const saved = await options.bridge.savePack({
    suggestedName: packName,
    bytes: new Uint8Array(built.zip),
  });
  if (!saved.ok)
    throw new WorkspaceError('save-failed', saved.error.message, { detail: saved.error.message });
  if (saved.value === null) return null;
  await vault.logExport(view.dossier.id, `${built.zip.length} bytes`);
  // The register of where copies went (使用登记): what was sent, to whom, for what.
  await vault.recordCopies(view.dossier.id, {
    purpose: built.manifest.watermark?.text ?? '',
    recipient: (options.recipient ?? '').trim(),
    date: view.today,
    company: view.dossier.company,
    idNumber: view.dossier.idNumber ?? '',
    documents: built.manifest.documents.map((d) => ({ file: d.file, kind: d.kind })),
    packSha256: await webHasher.sha256(built.zip),
    packName: saved.value.path.split(/[/\\]/).pop() ?? packName,
  });
  progress('done', 1);
  return { savedAs: saved.value.path, bytes: built.zip.length };
}
