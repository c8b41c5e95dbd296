// The standard wording of a business scope (issue 13). Since 2021 a license's scope is
// written in the wording of the national catalogue (经营范围规范表述目录):
// each activity a fixed phrase (技术推广, 互联网销售（除销售需要许可的商品）), under the
// headings 一般项目 and 许可项目, closed by the clauses the registration authority adds word
// for word (（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）). Where a character the
// OCR doubted turns such a phrase into no phrase (技术椎广: 椎 at 0.49, 推 behind it at
// 0.47; 除销售零许可的商品: 零 at 0.31 for 需要), the standard phrase is proposed; where a
// faint copy lost the marks between phrases (技术转让技术推广货物进出口), they are. A
// character the OCR was sure of is never replaced. A scope is compared with nothing (issue
// 13: only a compared value's repair must stay a proposal), so the scope takes its phrases
// put back, the reading as made is proposed, and the scope is held below 0.9 and trusted
// as far as its other characters are (scope-confidence.ts: one doubted character the
// wording settles no longer holds a scope of a hundred at 0.31).
import type { Correction } from '../extraction';
import { CLOSE_SECOND_CONFIDENCE, SURE_CHARACTER_P } from './alternatives';
import type { PlaceGlyph as WordingGlyph } from './places';

/**
 * The units of standard wording: the stretches a scope's marks (；，、。：and brackets)
 * separate. The closing clauses and headings every scope carries, then the catalogue's
 * most used phrases (its general items, 一般项目, and a few licensed ones, 许可项目).
 */
const STANDARD_UNITS: readonly string[] = `
除依法须经批准的项目外 凭营业执照依法自主开展经营活动 依法须经批准的项目
经相关部门批准后方可开展经营活动 具体经营项目以审批结果为准
具体经营项目以相关部门批准文件或许可证件为准 一般项目 许可项目
技术服务 技术开发 技术咨询 技术交流 技术转让 技术推广 软件开发 软件销售
信息技术咨询服务 信息系统集成服务 信息咨询服务 不含许可类信息咨询服务 计算机系统服务
网络技术服务 数据处理服务 数据处理和存储支持服务 互联网数据服务 人工智能应用软件开发
物联网技术服务 网络与信息安全软件开发 集成电路设计 电子产品销售 通讯设备销售
计算机软硬件及辅助设备零售 计算机软硬件及辅助设备批发 电子元器件零售 电子元器件批发
家用电器销售 日用百货销售 日用品销售 日用品批发 日用杂品销售 服装服饰零售 服装服饰批发
服装辅料销售 鞋帽零售 鞋帽批发 箱包销售 化妆品零售 化妆品批发 个人卫生用品销售
珠宝首饰零售 珠宝首饰批发 工艺美术品及收藏品零售 工艺美术品及礼仪用品销售 象牙及其制品除外
文具用品零售 文具用品批发 办公用品销售 办公设备销售 体育用品及器材零售 玩具销售 母婴用品销售
家居用品销售 家具销售 针纺织品销售 五金产品零售 五金产品批发 建筑材料销售 建筑装饰材料销售
金属材料销售 化工产品销售 不含许可类化工产品 机械设备销售 汽车零配件零售 宠物食品及用品零售
食用农产品零售 食用农产品批发 农副产品销售 互联网销售 除销售需要许可的商品 食品销售
仅销售预包装食品 货物进出口 技术进出口 进出口代理 国内贸易代理 销售代理 供应链管理服务
国内货物运输代理 国际货物运输代理 普通货物仓储服务 不含危险化学品等需许可审批的项目
装卸搬运 广告设计 代理 广告制作 广告发布 平面设计 专业设计服务 图文设计制作 会议及展览服务
组织文化艺术交流活动 企业形象策划 市场营销策划 企业管理 企业管理咨询 社会经济咨询服务
市场调查 不含涉外调查 品牌管理 礼仪服务 摄影扩印服务 文化娱乐经纪人服务 教育咨询服务
不含涉许可审批的教育培训活动 人力资源服务 不含职业中介活动 劳务派遣服务 劳务服务
不含劳务派遣 商务代理代办服务 财务咨询 税务服务 知识产权服务 专利代理服务除外
咨询策划服务 票务代理服务 住房租赁 非居住房地产租赁 物业管理 停车场服务 家政服务
专业保洁 清洗 消毒服务 园林绿化工程施工 第一类增值电信业务 第二类增值电信业务 食品经营
食品互联网销售 出版物零售 道路货物运输 不含危险货物 建设工程施工 餐饮服务 酒类经营
`
  .split(/\s+/u)
  .filter((u) => u !== '');

const STANDARD = new Set(STANDARD_UNITS);

/** What separates a scope's units. */
const MARK = /[；;，,、。.·•・：:（）()\s]/u;
/** Below this the OCR's doubt alone lets a long unit's wording stand for a character. */
const LOW_P = 0.6;
/**
 * A unit this long is its own context: its wording may stand for a character the OCR read
 * below LOW_P without having seen the wording's one, and for one it lost (one in a unit of
 * 6-9 characters: 办公用品销咨 with 咨 at 0.49 and nothing behind it, 家居贷品销售 with 贷 at
 * 0.23, copy-stamped and photographed licenses at seed offsets 4310 and 4340; 8 before).
 */
const LONG_UNIT = 6;

/**
 * The fewest edits that make `read` (with its glyphs) the standard unit `unit`, or null
 * when none is needed or more than the unit allows: a quarter of its characters (one in a
 * unit shorter than LONG_UNIT), of them a fifth "blind" (the OCR never saw the standard
 * character there). An edit is a character read below SURE_CHARACTER_P replaced by the
 * unit's that the OCR saw behind it; blind, in a long unit only: a character read below
 * LOW_P replaced by one it did not see, or dropped, or a character of the unit the OCR lost.
 */
export function unitEdits(
  read: readonly string[],
  glyphs: readonly (WordingGlyph | null)[],
  unit: string,
  between = false,
): number | null {
  const want = [...unit];
  const n = read.length;
  const m = want.length;
  const long = m >= LONG_UNIT;
  // Between its two neighbours of one catalogue item, the unit is known: half of its
  // characters may be ones the OCR read below LOW_P without seeing the unit's.
  const most = between ? Math.floor(m / 2) : long ? Math.floor(m / 4) : 1;
  const blindMost = between ? Math.floor(m / 2) : long ? Math.floor(m / 5) : 0;
  if (Math.abs(n - m) > most) return null;
  // cost[b][i * (m + 1) + j]: edits making read[0, i) the unit's [0, j), b of them blind.
  const cost = Array.from({ length: blindMost + 1 }, () =>
    new Float64Array((n + 1) * (m + 1)).fill(Infinity),
  );
  cost[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (let b = 0; b <= blindMost; b++) {
        const here = cost[b]![i * (m + 1) + j]!;
        if (here > most) continue;
        const relax = (blind: number, ii: number, jj: number, c: number): void => {
          const k = ii * (m + 1) + jj;
          if (blind <= blindMost && here + c < cost[blind]![k]!) cost[blind]![k] = here + c;
        };
        const g = glyphs[i] ?? null;
        const doubted = g !== null && g.confidence < SURE_CHARACTER_P;
        const low = g !== null && g.confidence < LOW_P;
        if (i < n && j < m) {
          if (read[i] === want[j]) relax(b, i + 1, j + 1, 0);
          else if (doubted && g.options.some((o) => o.text === want[j])) relax(b, i + 1, j + 1, 1);
          else if (low) relax(b + 1, i + 1, j + 1, 1);
        }
        if (i < n && low) relax(b + 1, i + 1, j, 1);
        if (j < m) relax(b + 1, i, j + 1, 1);
      }
    }
  }
  const best = Math.min(...cost.map((c) => c[n * (m + 1) + m]!));
  return best === 0 || best > most ? null : best;
}

/** Catalogue items whose units are joined by 、 (the rest of a headed scope's units by ；). */
const JOINED: readonly (readonly string[])[] = [
  ['技术服务', '技术开发', '技术咨询', '技术交流', '技术转让', '技术推广'],
  ['广告设计', '代理'],
  ['专业保洁', '清洗', '消毒服务'],
];
const joinedWith = (a: string, b: string): boolean =>
  JOINED.some((item) => item.includes(a) && item.includes(b));
/** An activity's qualifier, inside its brackets (不含许可类化工产品, 象牙及其制品除外). */
const QUALIFIER = /^(?:不含|除|仅)|除外$/u;
/** Units that are no activity of their own (a clause's, a heading). */
const NOT_ACTIVITY = new Set(STANDARD_UNITS.slice(0, 8));

/**
 * A read unit that is standard units run together (技术转让技术推广货物进出口): the marks a
 * faint copy lost between them put back, 、 inside one catalogue item, ； between items;
 * null when it is not, or is one. Splits into the fewest units, and only one way.
 */
function lostMarks(read: string): string | null {
  const chars = [...read];
  const n = chars.length;
  // parts[i]: the fewest standard units spelling chars[0, i), and how many ways.
  const parts: { count: number; ways: number; last: string }[] = [{ count: 0, ways: 1, last: '' }];
  for (let i = 1; i <= n; i++) {
    let best = { count: Infinity, ways: 0, last: '' };
    for (let k = Math.max(0, i - 32); k < i; k++) {
      const unit = chars.slice(k, i).join('');
      const before = parts[k]!;
      if (before.ways === 0 || !STANDARD.has(unit) || NOT_ACTIVITY.has(unit)) continue;
      if (QUALIFIER.test(unit)) continue;
      if (before.count + 1 < best.count)
        best = { count: before.count + 1, ways: before.ways, last: unit };
      else if (before.count + 1 === best.count) best = { ...best, ways: best.ways + before.ways };
    }
    parts.push(best);
  }
  const end = parts[n]!;
  if (end.ways !== 1 || end.count < 2) return null;
  const units: string[] = [];
  for (let i = n; i > 0; i -= [...units[0]!].length) units.unshift(parts[i]!.last);
  // A unit of two characters (代理, 清洗) stands only after its item's other units.
  if (units.some((u, k) => [...u].length <= 2 && (k === 0 || !joinedWith(units[k - 1]!, u))))
    return null;
  return units.reduce((out, u, k) =>
    k === 0 ? u : out + (joinedWith(units[k - 1]!, u) ? '、' : '；') + u,
  );
}

/** The one standard unit `read` is closest to by unitEdits, and its edits; null if none or a tie. */
function nearestUnit(
  read: readonly string[],
  glyphs: readonly (WordingGlyph | null)[],
): { unit: string; edits: number } | null {
  let best: string | null = null;
  let bestEdits = Infinity;
  let tie = false;
  for (const standard of STANDARD_UNITS) {
    const edits = unitEdits(read, glyphs, standard);
    if (edits === null || edits > bestEdits) continue;
    tie = edits === bestEdits;
    best = standard;
    bestEdits = edits;
  }
  return best === null || tie ? null : { unit: best, edits: bestEdits };
}

/** The fewest characters each of two units run together keeps, apart from a mark lost between them. */
const PAIR_PART = 4;

/**
 * A read unit that is two standard activities run together, one of them with a doubted
 * character or two that make it no phrase (国内贸易代理服装展饰零售: the ； under a seal lost,
 * 展 at 0.12 with 服 behind for 服装服饰零售): split where exactly one split gives one exact
 * unit and one unitEdits puts back, each of PAIR_PART characters or more, and no other
 * split gives any. lostMarks takes units that are all exact.
 */
function lostMarkAndDoubt(
  chars: readonly string[],
  glyphs: readonly (WordingGlyph | null)[],
): { units: [string, string]; at: number; edited: 0 | 1 } | null {
  let found: { units: [string, string]; at: number; edited: 0 | 1 } | null = null;
  for (let k = PAIR_PART; k <= chars.length - PAIR_PART; k++) {
    const left = chars.slice(0, k);
    const right = chars.slice(k);
    const exact = (part: readonly string[]): string | null => {
      const unit = part.join('');
      return STANDARD.has(unit) && !NOT_ACTIVITY.has(unit) && !QUALIFIER.test(unit) ? unit : null;
    };
    const near = (part: readonly string[], from: number): string | null => {
      const n = nearestUnit(part, glyphs.slice(from, from + part.length));
      return n !== null && !NOT_ACTIVITY.has(n.unit) && !QUALIFIER.test(n.unit) ? n.unit : null;
    };
    const l = exact(left);
    const r = exact(right);
    if (l !== null && r !== null) return null; // lostMarks' case
    const pair: [string | null, string | null] =
      l !== null ? [l, near(right, k)] : r !== null ? [near(left, 0), r] : [null, null];
    if (pair[0] === null || pair[1] === null) continue;
    if (found !== null) return null;
    found = { units: [pair[0], pair[1]], at: k, edited: l !== null ? 1 : 0 };
  }
  return found;
}

/**
 * The unit a catalogue item (JOINED) prints between the two read units around units[i],
 * when both are that item's, read exactly, one place apart in it, and joined by 、 to it
 * (技术咨询、?、技术转让: 技术交流); else null.
 */
function betweenNeighbours(
  chars: readonly string[],
  units: readonly ReadUnit[],
  i: number,
): string | null {
  const before = units[i - 1];
  const after = units[i + 1];
  const unit = units[i]!;
  if (!before || !after) return null;
  const end = unit.start + unit.chars.length;
  if (before.start + before.chars.length !== unit.start - 1 || after.start !== end + 1) return null;
  if (chars[unit.start - 1] !== '、' || chars[end] !== '、') return null;
  const a = before.chars.join('');
  const b = after.chars.join('');
  for (const item of JOINED) {
    const k = item.indexOf(a);
    if (k >= 0 && item[k + 2] === b) return item[k + 1]!;
  }
  return null;
}

/** A read unit: its characters, where it starts in the value, and their glyphs. */
interface ReadUnit {
  start: number;
  chars: string[];
}

function unitsOf(chars: readonly string[]): ReadUnit[] {
  const units: ReadUnit[] = [];
  let cur: ReadUnit | null = null;
  chars.forEach((ch, i) => {
    if (MARK.test(ch)) {
      cur = null;
      return;
    }
    if (cur === null) units.push((cur = { start: i, chars: [] }));
    cur.chars.push(ch);
  });
  return units;
}

/** A scope with its standard wording put back (standardWordingDoubt). */
export interface StandardWording {
  /** The scope with its phrases and marks put back. */
  taken: string;
  /** The reading as made, proposed. */
  corrections: Correction[];
  /** The most the scope is trusted. */
  cap: number;
  /** The characters (indices of the scope as read) whose doubt the wording settled. */
  settled: ReadonlySet<number>;
}

/**
 * The scope with each unit a doubted character or two turned into no standard unit put
 * back to the one standard unit it is closest to, and the marks a copy lost between
 * standard units put back; null when nothing is. `glyphs` are the value's characters as
 * the OCR read them (null where not known).
 */
export function standardWordingDoubt(
  field: string,
  value: string,
  glyphs: readonly (WordingGlyph | null)[],
): StandardWording | null {
  const chars = [...value];
  const out = [...chars];
  const changed: string[] = [];
  /** The characters whose doubt a standard phrase settled (put back in its place). */
  const settled = new Set<number>();
  // Right to left, so that a unit put back does not move the ones before it.
  const headed = /(?:一般项目|许可项目)：/u.test(value);
  const units = unitsOf(chars);
  for (const [index, unit] of [...units.entries()].reverse()) {
    const read = unit.chars.join('');
    const runTogether = headed ? lostMarks(read) : null;
    // A catalogue item's closing bracket is followed by a mark: one run into the next item lost it.
    const bracketLost =
      headed &&
      /[）)]/u.test(chars[unit.start - 1] ?? '') &&
      STANDARD.has(read) &&
      !NOT_ACTIVITY.has(read);
    if (runTogether !== null || bracketLost) {
      out.splice(
        unit.start,
        unit.chars.length,
        ...(bracketLost ? '；' : ''),
        ...(runTogether ?? read),
      );
      changed.unshift(`${read} for ${bracketLost ? '；' : ''}${runTogether ?? read}`);
      continue;
    }
    if (STANDARD.has(read) || unit.chars.length < 2) continue;
    const g = unit.chars.map((_, k) => glyphs[unit.start + k] ?? null);
    const nearest = nearestUnit(unit.chars, g);
    if (nearest !== null) {
      out.splice(unit.start, unit.chars.length, ...nearest.unit);
      changed.unshift(`${read} for ${nearest.unit}`);
      unit.chars.forEach((_, k) => settled.add(unit.start + k));
      continue;
    }
    const known = headed ? betweenNeighbours(chars, units, index) : null;
    if (known !== null && unitEdits(unit.chars, g, known, true) !== null) {
      out.splice(unit.start, unit.chars.length, ...known);
      changed.unshift(`${read} for ${known}`);
      unit.chars.forEach((_, k) => settled.add(unit.start + k));
      continue;
    }
    const pair = headed ? lostMarkAndDoubt(unit.chars, g) : null;
    if (pair === null) continue;
    const [a, b] = pair.units;
    const joined = `${a}${joinedWith(a, b) ? '、' : '；'}${b}`;
    out.splice(unit.start, unit.chars.length, ...joined);
    changed.unshift(`${read} for ${joined}`);
    const from = pair.edited === 0 ? 0 : pair.at;
    const to = pair.edited === 0 ? pair.at : unit.chars.length;
    for (let k = from; k < to; k++) settled.add(unit.start + k);
  }
  if (changed.length === 0) return null;
  const taken = out.join('');
  return {
    taken,
    corrections: [
      {
        field,
        from: taken,
        to: value,
        reason: 'ocr-alternative',
        note: `Read as ${value}. A business scope is written in the standard wording, and the OCR doubted characters that make ${changed.join(', ')} no standard phrase; the standard wording was taken: check it against the image.`,
      },
    ],
    cap: CLOSE_SECOND_CONFIDENCE,
    settled,
  };
}
