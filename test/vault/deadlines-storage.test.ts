// Holiday schedules kept in the vault, and the register of where copies went (使用登记).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankNotificationDeadline } from '../../src/core/deadlines';
import { loadRulePack } from '../../src/core/rule-pack';
import { calendarWith, copyRegisterCsv, VaultError, type CopyRegisterEntry } from '../../src/vault';
import { newVault } from './helpers';

const SAMPLE = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../docs/holidays-2027.sample.json'), 'utf8'),
) as unknown;
const ID = '330106198805120026';

function entry(over: Partial<CopyRegisterEntry> = {}): CopyRegisterEntry {
  return {
    purpose: '仅供速卖通账户关联使用',
    recipient: 'AliExpress',
    date: '2026-12-02',
    company: '杭州青梧屿贸易有限公司',
    idNumber: ID,
    documents: [
      { file: 'license.pdf', kind: 'business-license' },
      { file: 'id-front.jpg', kind: 'id-card-front' },
    ],
    packSha256: 'ab'.repeat(32),
    packName: 'pack-1.zip',
    ...over,
  };
}

describe('holiday schedules in the vault', () => {
  it('stores each year of a valid file, lays it over the bundled data, and refuses a bad one whole', async () => {
    const vault = await newVault('schedules');
    const pack = loadRulePack();
    expect(
      bankNotificationDeadline('address', '2026-12-28', calendarWith([]), pack)?.uncovered,
    ).toEqual([2027]);
    expect(await vault.loadHolidaySchedule(SAMPLE, 'holidays-2027.sample.json')).toEqual(['2027']);
    const stored = await vault.listHolidaySchedules();
    expect(stored.map((r) => [r.year, r.fileName, r.schedule.source?.slice(0, 18)])).toEqual([
      ['2027', 'holidays-2027.sample.json', 'SAMPLE FORMAT ONLY'],
    ]);
    const calendar = calendarWith(stored);
    expect(calendar.coveredYears.at(-1)).toBe(2027);
    expect(bankNotificationDeadline('address', '2026-12-28', calendar, pack)).toMatchObject({
      deadline: '2027-01-05',
      uncovered: [],
    });
    await expect(
      vault.loadHolidaySchedule({ '2028': { holidays: [], workingDays: [] } }, 'bad.json'),
    ).rejects.toThrow(
      new VaultError('The holiday schedule was refused: 2028 lists no public holidays.'),
    );
    expect((await vault.listHolidaySchedules()).map((r) => r.year)).toEqual(['2027']);
    await vault.removeHolidaySchedule('2027');
    expect(await vault.listHolidaySchedules()).toEqual([]);
    expect(
      (await vault.audit())
        .filter((a) => a.action === 'settings' && a.detail.startsWith('holiday'))
        .map((a) => a.detail),
    ).toEqual(['holiday schedule 2027', 'holiday schedule 2027 removed']);
    vault.close();
  });
});

describe('the copy register', () => {
  it('finds where an ID was sent across dossiers, seals what it records, and exports CSV with a BOM', async () => {
    const vault = await newVault('register');
    const a = await vault.createDossier({ company: '杭州青梧屿贸易有限公司', idNumber: ID });
    const b = await vault.createDossier({ company: '宁波远帆电子商务有限公司', idNumber: ID });
    const other = await vault.createDossier({
      company: '其他公司',
      idNumber: '11010519491231002X',
    });
    await vault.recordCopies(a, entry());
    await vault.recordCopies(
      b,
      entry({
        recipient: '王会计, "财务部"',
        company: '宁波远帆电子商务有限公司',
        packName: 'pack-2.zip',
      }),
    );
    await vault.recordCopies(
      other,
      entry({ idNumber: '11010519491231002X', recipient: '=HYPERLINK()' }),
    );

    expect((await vault.listCopies({ dossierId: a })).map((r) => r.packName)).toEqual([
      'pack-1.zip',
    ]);
    const byId = await vault.listCopies({ idNumber: ID });
    expect(byId.map((r) => [r.dossierId, r.recipient]).sort()).toEqual(
      [
        [a, 'AliExpress'],
        [b, '王会计, "财务部"'],
      ].sort(),
    );
    // The ID number and recipient are not stored in the clear.
    const raw = JSON.stringify(await vault.db.copyRegister.toArray(), (_k, v: unknown) =>
      v instanceof Uint8Array ? Array.from(v) : v,
    );
    expect(raw).not.toContain(ID);
    expect(raw).not.toContain('AliExpress');

    const csv = copyRegisterCsv(await vault.listCopies({ idNumber: '11010519491231002X' }));
    expect(csv.startsWith('\uFEFF日期 Date,用途 Purpose,接收方 Recipient')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK()`);
    expect(copyRegisterCsv(byId)).toContain('"王会计, ""财务部"""');
    expect(copyRegisterCsv(byId)).toContain('license.pdf; id-front.jpg');
    await expect(vault.recordCopies(a, entry({ packSha256: 'nope' }))).rejects.toThrow(
      'The register entry is incomplete.',
    );
    vault.close();
  });
});
