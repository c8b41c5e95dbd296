// Runs in Chromium (bundled by browser.test.ts): the app's Export path with the web host
// adapters. Draws PNG scans on an OffscreenCanvas, packs them, verifies the pack.
import { buildPack, verifyPack, type BuildPackInput } from '../../src/core/pack';
import { CHECK_IDS } from '../../src/core/checks/types';
import { RulePackSchema } from '../../src/core/rule-pack/schema';
import rulePackJson from '../../src/core/rule-pack/aliexpress-account-linking.json';
import { webImageCodec } from '../../src/pack-host/image-codec.web';
import { webHasher } from '../../src/pack-host/hasher.web';
import { loadReportFontFromUrl } from '../../src/pack-host/report-font.web';

async function scanPng(width: number, height: number, title: string): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#f7f3ea';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#222';
  ctx.font = `${Math.round(width / 12)}px sans-serif`;
  ctx.fillText(title, width * 0.2, height * 0.2);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

const extracted = (
  file: string,
  kind: BuildPackInput['documents'][number]['extracted']['kind'],
  fields: Record<string, string | null>,
) => ({
  file,
  kind,
  fields,
  confidence: {},
  corrections: [],
  warnings: [],
});

async function runPack(): Promise<{
  zip: number[];
  names: string[];
  status: string;
  changes: string[];
}> {
  const company = '杭州青梧屿贸易有限公司';
  const docs = [
    [
      'license.png',
      'business-license',
      { companyName: company, creditCode: '91330106MA2B2C3D4E' },
      1240,
      1754,
    ],
    ['id-front.png', 'id-card-front', { name: '林晓岚' }, 1011, 638],
    ['id-back.png', 'id-card-back', { issuingAuthority: '杭州市公安局西湖分局' }, 1011, 638],
  ] as const;
  const input: BuildPackInput = {
    documents: await Promise.all(
      docs.map(async ([name, kind, fields, w, h]) => ({
        sourceName: name,
        bytes: await scanPng(w, h, name),
        mime: 'image/png',
        extracted: extracted(name, kind, fields),
      })),
    ),
    confirmed: {},
    checks: CHECK_IDS.map((id) => ({
      id,
      status: 'pass' as const,
      message: 'ok',
      messageZh: '通过',
    })),
    verdict: 'ready',
    accounts: [{ store: '青梧屿旗舰店', phone: '18513515985', email: 'a@example.com' }],
    exceptions: [],
    rulePack: RulePackSchema.parse(rulePackJson),
    today: '2026-11-24',
    createdAt: '2026-11-24T16:40:00+08:00',
    app: { name: 'dossier-vault', version: '0.1.0' },
    force: false,
    watermark: { text: '仅供办理速卖通店铺账户关联使用，他用无效' },
  };
  const pack = await buildPack(input, {
    codec: webImageCodec,
    hasher: webHasher,
    font: await loadReportFontFromUrl('/NotoSansHans-Regular.otf'),
  });
  const verified = await verifyPack(pack.zip, webHasher);
  return {
    zip: [...pack.zip],
    names: pack.entries.map((e) => e.name),
    status: verified.status,
    changes: pack.changes,
  };
}

(window as unknown as { runPack: typeof runPack }).runPack = runPack;
document.title = 'ready';
