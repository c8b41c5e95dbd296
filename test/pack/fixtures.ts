// Generated inputs for the pack tests and bench: document scans drawn on a canvas with the
// report's CJK font, a bank form PDF, and the plain data a ready dossier consists of.
// Every person and company here is invented.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, rgb } from 'pdf-lib';
import type { BuildPackInput, PackDocumentInput } from '../../src/core/pack';
import type { CheckResult } from '../../src/core/checks/types';
import { CHECK_IDS } from '../../src/core/checks/types';
import type { ExtractedDocument } from '../../src/core/extraction';
import { RulePackSchema } from '../../src/core/rule-pack/schema';
import rulePackJson from '../../src/core/rule-pack/aliexpress-account-linking.json';
import { reportFontPath } from '../../src/pack-host/report-font.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';

export const COMPANY = '杭州青梧屿贸易有限公司';
export const CREDIT_CODE = '91330106MA2B2C3D4E';
export const RULE_PACK = RulePackSchema.parse(rulePackJson);

let fontReady = false;
function font(): string {
  if (!fontReady) GlobalFonts.registerFromPath(reportFontPath(), 'FixtureCJK');
  fontReady = true;
  return 'FixtureCJK';
}

/** A deterministic pseudo-random generator, so generated scans are the same every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ScanOptions {
  width: number;
  height: number;
  title: string;
  lines: string[];
  /** Per-pixel noise amplitude (0 = clean), like a scanner's grain. */
  noise?: number;
  seed?: number;
}

function drawScan({ width, height, title, lines, noise = 0, seed = 1 }: ScanOptions) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f7f3ea';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#8a1c1c';
  ctx.lineWidth = Math.max(2, width / 300);
  ctx.strokeRect(width * 0.04, height * 0.03, width * 0.92, height * 0.94);
  ctx.fillStyle = '#222222';
  const unit = Math.round(Math.min(width, height) / 28);
  ctx.font = `${unit * 2}px ${font()}`;
  ctx.fillText(title, width * 0.3, height * 0.1);
  ctx.font = `${unit}px ${font()}`;
  lines.forEach((line, i) => ctx.fillText(line, width * 0.1, height * 0.2 + i * unit * 1.8));
  if (noise > 0) {
    const image = ctx.getImageData(0, 0, width, height);
    const random = prng(seed);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (random() - 0.5) * 2 * noise;
      d[i] = Math.max(0, Math.min(255, d[i]! + n));
      d[i + 1] = Math.max(0, Math.min(255, d[i + 1]! + n));
      d[i + 2] = Math.max(0, Math.min(255, d[i + 2]! + n));
    }
    ctx.putImageData(image, 0, 0);
  }
  return canvas;
}

export async function scanJpeg(options: ScanOptions, quality = 90): Promise<Uint8Array> {
  return new Uint8Array(await drawScan(options).encode('jpeg', quality));
}

export async function scanPng(options: ScanOptions): Promise<Uint8Array> {
  return new Uint8Array(await drawScan(options).encode('png'));
}

/** A4 at 300 dpi. */
export const A4_300 = { width: 2480, height: 3508 };

/** A text PDF of the bank form (the way banks issue 基本存款账户信息 today), with an optional scanned page image. */
export async function bankPdf(scan?: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { fontkit, bytes } = await loadReportFont();
  doc.registerFontkit(fontkit);
  const f = await doc.embedFont(bytes, { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  if (scan) {
    const image = await doc.embedJpg(scan);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  const lines = [
    '基本存款账户信息',
    `存款人名称：${COMPANY}`,
    '法定代表人（单位负责人）：林晓岚',
    '开户银行：中国工商银行股份有限公司杭州西湖支行',
    '账号：1202 0212 0900 1234 567',
    '基本存款账户编号：J3310012345601',
  ];
  lines.forEach((line, i) =>
    page.drawText(line, {
      x: 60,
      y: 760 - i * 28,
      size: i === 0 ? 20 : 12,
      font: f,
      color: rgb(0, 0, 0),
    }),
  );
  return doc.save();
}

function extracted(
  file: string,
  kind: ExtractedDocument['kind'],
  fields: Record<string, string | null>,
  boxes?: ExtractedDocument['boxes'],
): ExtractedDocument {
  return {
    file,
    kind,
    fields,
    confidence: {},
    corrections: [],
    warnings: [],
    ...(boxes ? { boxes } : {}),
  };
}

export const LICENSE_FIELDS = {
  creditCode: CREDIT_CODE,
  companyName: COMPANY,
  companyType: '有限责任公司(自然人投资或控股)',
  legalRepresentative: '林晓岚',
  registeredCapital: '壹佰万元整',
  establishedOn: '2019-03-12',
  validFrom: '2019-03-12',
  validUntil: 'long-term',
  address: '浙江省杭州市西湖区文三路 88 号 1201 室',
  businessScope: '日用百货销售；货物进出口',
};

export const allPass = (): CheckResult[] =>
  CHECK_IDS.map((id) => ({
    id,
    status: 'pass' as const,
    message: `${id} passes.`,
    messageZh: `${id} 通过。`,
  }));

export interface ReadyDossierOptions {
  /** Replace the license scan (e.g. by a large PNG). */
  license?: { name: string; bytes: Uint8Array; mime: string };
  noise?: number;
}

export async function readyDossier(options: ReadyDossierOptions = {}): Promise<BuildPackInput> {
  const noise = options.noise ?? 6;
  const license =
    options.license ??
    ({
      name: 'license.jpg',
      mime: 'image/jpeg',
      bytes: await scanJpeg({
        ...A4_300,
        title: '营业执照',
        lines: Object.values(LICENSE_FIELDS),
        noise,
        seed: 1,
      }),
    } as const);
  const idSize = { width: 1712, height: 1080 };
  const front = await scanJpeg({
    ...idSize,
    title: '居民身份证',
    lines: ['姓名 林晓岚', '性别 女 民族 汉', '公民身份号码 330106198805120026'],
    noise,
    seed: 2,
  });
  const back = await scanJpeg({
    ...idSize,
    title: '中华人民共和国',
    lines: ['签发机关 杭州市公安局西湖分局', '有效期限 2016.05.20-2036.05.20'],
    noise,
    seed: 3,
  });
  const bank = await bankPdf();
  const documents: PackDocumentInput[] = [
    {
      sourceName: license.name,
      bytes: license.bytes,
      mime: license.mime,
      extracted: extracted(license.name, 'business-license', LICENSE_FIELDS, {
        creditCode: { page: 0, x: 248, y: 700, w: 1400, h: 90 },
        companyName: { page: 0, x: 248, y: 860, w: 1400, h: 90 },
      }),
    },
    {
      sourceName: 'id-front.jpg',
      bytes: front,
      mime: 'image/jpeg',
      extracted: extracted('id-front.jpg', 'id-card-front', {
        name: '林晓岚',
        sex: '女',
        ethnicity: '汉',
        birthDate: '1988-05-12',
        address: '浙江省杭州市西湖区',
        idNumber: '330106198805120026',
      }),
    },
    {
      sourceName: 'id-back.jpg',
      bytes: back,
      mime: 'image/jpeg',
      extracted: extracted('id-back.jpg', 'id-card-back', {
        issuingAuthority: '杭州市公安局西湖分局',
        validFrom: '2016-05-20',
        validUntil: '2036-05-20',
      }),
    },
    {
      sourceName: 'bank.pdf',
      bytes: bank,
      mime: 'application/pdf',
      extracted: extracted('bank.pdf', 'bank-permit', {
        approvalNumber: null,
        accountCode: 'J3310012345601',
        serialNumber: null,
        accountName: COMPANY,
        legalRepresentative: '林晓岚',
        bankName: '中国工商银行股份有限公司杭州西湖支行',
        accountNumber: '1202021209001234567',
        creditCode: null,
      }),
    },
  ];
  return {
    documents,
    confirmed: { 'bank-permit': { accountName: COMPANY } },
    confirmedBy: '王会计',
    checks: allPass(),
    verdict: 'ready',
    accounts: [
      { store: '青梧屿旗舰店1号', phone: '18513515985', email: 'store1@example.com' },
      { store: '=HYPERLINK("x")', phone: '13169036418', email: 'store2@example.com' },
    ],
    exceptions: [],
    rulePack: RULE_PACK,
    today: '2026-11-24',
    createdAt: '2026-11-24T16:40:00+08:00',
    app: { name: 'dossier-vault', version: '0.1.0' },
    force: false,
    watermark: null,
  };
}
