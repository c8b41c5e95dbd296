// Import: the intake policy (type from magic bytes, size cap, decompression-bomb refusal
// from headers, src/core/intake.ts) with the vault's limits, duplicates by keyed hash,
// and one transaction per file (a failure leaves no trace).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DuplicateFileError, ImportRefusedError } from '../../src/vault/errors';
import { readImageDimensions } from '../../src/core/intake';
import {
  dumpRaw,
  jpegHeader,
  newVault,
  pdfFile,
  pngHeader,
  tiffHeader,
  webpHeader,
} from './helpers';

describe('image dimensions from headers', () => {
  it('reads PNG and JPEG without decoding', () => {
    expect(readImageDimensions(pngHeader(2480, 3508), 'image/png')).toEqual({
      width: 2480,
      height: 3508,
    });
    expect(readImageDimensions(jpegHeader(1011, 638), 'image/jpeg')).toEqual({
      width: 1011,
      height: 638,
    });
  });
});

describe('importing a file', () => {
  it('takes the type from magic bytes: a PNG named .jpg is a PNG; a PDF counts its pages', async () => {
    const vault = await newVault('magic');
    const dossier = await vault.createDossier({ company: 'A' });
    const png = pngHeader(800, 600);
    const doc = await vault.importFile(dossier, {
      name: 'scan.jpg',
      bytes: png,
      kind: 'id-card-front',
    });
    expect(doc).toMatchObject({
      mime: 'image/png',
      size: png.length,
      pages: 1,
      fileName: 'scan.jpg',
    });
    expect((await vault.importFile(dossier, { name: 'x.png', bytes: pdfFile(3) })).mime).toBe(
      'application/pdf',
    );
    expect((await vault.listDocuments(dossier)).map((d) => [d.fileName, d.mime, d.pages])).toEqual([
      ['scan.jpg', 'image/png', 1],
      ['x.png', 'application/pdf', 3],
    ]);
    expect(await vault.openDocumentBytes(doc.id)).toEqual(png);
    vault.close();
  });

  it('refuses unknown types, WebP and TIFF (the reader cannot read them), empty files and files over the size cap, in one sentence', async () => {
    const vault = await newVault('refuse');
    const dossier = await vault.createDossier({ company: 'A' });
    const text = new TextEncoder().encode('just some text, not a document');
    for (const bytes of [text, webpHeader(800, 600), tiffHeader(800, 600)]) {
      await expect(vault.importFile(dossier, { name: 'a.pdf', bytes })).rejects.toThrow(
        'The file is neither a PDF nor a JPG or PNG image.',
      );
    }
    await expect(
      vault.importFile(dossier, { name: 'a.pdf', bytes: new Uint8Array(0) }),
    ).rejects.toThrow('The file is empty (0 bytes).');
    await vault.updateSettings({ maxFileBytes: 1024 * 1024 });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(pdfFile(1));
    const error = await vault
      .importFile(dossier, { name: 'big.pdf', bytes: big })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as ImportRefusedError).problem).toEqual({
      reason: 'too-large',
      values: { size: 1, limit: 1 },
    });
    expect((error as Error).message).toBe('The file is 1 MB, over the 1 MB limit.');
    expect(await vault.db.documents.count()).toBe(0);
    expect((await vault.audit('import-refused')).map((e) => e.detail.split(' ')[0])).toEqual([
      'unsupported-type',
      'unsupported-type',
      'unsupported-type',
      'empty',
      'too-large',
    ]);
    vault.close();
  });

  it('the default size cap is 50 MB', async () => {
    const vault = await newVault('cap');
    expect((await vault.settings()).maxFileBytes).toBe(50 * 1024 * 1024);
    const dossier = await vault.createDossier({ company: 'A' });
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    big.set(pdfFile(1));
    await expect(vault.importFile(dossier, { name: 'big.pdf', bytes: big })).rejects.toThrow(
      'over the 50 MB limit',
    );
    vault.close();
  });

  it('refuses decompression bombs from the header, before decoding, in every image format', async () => {
    const vault = await newVault('bomb');
    const dossier = await vault.createDossier({ company: 'A' });
    for (const bomb of [pngHeader(50_000, 50_000), jpegHeader(65_000, 65_000)]) {
      const error = await vault
        .importFile(dossier, { name: 'bomb', bytes: bomb })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportRefusedError);
      expect((error as ImportRefusedError).reason).toBe('too-many-pixels');
    }
    await expect(
      vault.importFile(dossier, { name: 'b.png', bytes: pngHeader(50_000, 50_000) }),
    ).rejects.toThrow(
      'The image is 50000 × 50000 pixels (2500 megapixels), over the 100-megapixel limit.',
    );
    // The cap comes from settings.
    await vault.updateSettings({ maxImagePixels: 1_000_000 });
    await expect(
      vault.importFile(dossier, { name: 'a.png', bytes: pngHeader(1001, 1000) }),
    ).rejects.toThrow('over the 1-megapixel limit');
    await vault.importFile(dossier, { name: 'a.png', bytes: pngHeader(1000, 1000) });
    // A header that states no size is refused rather than decoded.
    const noSize = new Uint8Array([0xff, 0xd8, 0xff, 0xd9, 0, 0, 0, 0, 0, 0, 0, 0]);
    await expect(vault.importFile(dossier, { name: 'a.jpg', bytes: noSize })).rejects.toThrow(
      'its size cannot be read from its header',
    );
    expect(await vault.db.documents.count()).toBe(1);
    vault.close();
  });

  it('refuses a duplicate within a dossier as "already in dossier X", by keyed hash of the bytes, and only notes one across dossiers', async () => {
    const vault = await newVault('dup');
    const first = await vault.createDossier({ company: '杭州青梧屿贸易有限公司' });
    const second = await vault.createDossier({ company: '宁波远帆电子商务有限公司' });
    const bytes = pngHeader(640, 480);
    const original = await vault.importFile(first, { name: 'license.png', bytes });
    expect(await vault.otherDossiersWithFile(original.id)).toEqual([]);
    const error = await vault
      .importFile(first, { name: 'renamed.png', bytes: bytes.slice() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateFileError);
    expect(error).toMatchObject({ dossierId: first, documentId: original.id });
    expect((error as Error).message).toBe(
      'This file is already in dossier 杭州青梧屿贸易有限公司.',
    );
    // The fingerprint is keyed: it is not the file's plain SHA-256.
    const stored = await vault.db.documents.get(original.id);
    expect(stored!.fingerprint).not.toBe(original.sha256);
    expect(JSON.stringify(await dumpRaw(vault.db))).not.toContain(original.sha256);
    // Another dossier takes the same file (one person behind several companies), noted.
    const copy = await vault.importFile(second, { name: 'renamed.png', bytes: bytes.slice() });
    expect(await vault.otherDossiersWithFile(copy.id)).toEqual(['杭州青梧屿贸易有限公司']);
    expect(await vault.otherDossiersWithFile(original.id)).toEqual(['宁波远帆电子商务有限公司']);
    expect(await vault.db.documents.count()).toBe(2);
    // The user may still add it twice to one dossier deliberately.
    await vault.importFile(second, { name: 'again.png', bytes }, { allowDuplicate: true });
    expect(await vault.db.documents.count()).toBe(3);
    // A copy in a deleted dossier (or a deleted document) is no longer noted.
    const third = await vault.createDossier({ company: '第三家公司' });
    await vault.deleteDossier(first);
    const inThird = await vault.importFile(third, { name: 'again.png', bytes });
    expect(await vault.otherDossiersWithFile(inThird.id)).toEqual(['宁波远帆电子商务有限公司']);
    await expect(vault.importFile(third, { name: 'thrice.png', bytes })).rejects.toThrow(
      'This file is already in dossier 第三家公司.',
    );
    vault.close();
  });

  it('is one transaction: a failure mid-import leaves the vault exactly as before', async () => {
    const vault = await newVault('atomic');
    const dossier = await vault.createDossier({ company: 'A' });
    await vault.importFile(dossier, { name: 'first.png', bytes: pngHeader(10, 10) });
    const before = await dumpRaw(vault.db);
    // The document and its blob are written, then the audit entry fails: all must roll back.
    const fail = () => {
      throw new Error('disk full (injected)');
    };
    vault.db.auditLog.hook('creating', fail);
    await expect(
      vault.importFile(dossier, { name: 'second.png', bytes: pngHeader(20, 20) }),
    ).rejects.toThrow('disk full (injected)');
    vault.db.auditLog.hook('creating').unsubscribe(fail);
    expect(await dumpRaw(vault.db)).toEqual(before);
    // The same failure injected after the blob write instead of before it.
    const failBlob = () => {
      throw new Error('crash after the document (injected)');
    };
    vault.db.blobs.hook('creating', failBlob);
    await expect(
      vault.importFile(dossier, { name: 'third.png', bytes: pngHeader(30, 30) }),
    ).rejects.toThrow('injected');
    vault.db.blobs.hook('creating').unsubscribe(failBlob);
    expect(await dumpRaw(vault.db)).toEqual(before);
    vault.close();
  });
});
