// A synthetic bank form (基本存款账户信息) as OCR reads it, for the tests of how a person's
// name is read: its 法定代表人 line is the one the test gives.
import type { CharAlternatives, DocumentText, TextItem } from '../../../src/core/extraction';
import { item as positioned, ocrText } from './positioned';

/** An OCR line 30 px high at (x, y), with what else the OCR saw in its characters. */
export function ocrItem(
  text: string,
  x: number,
  y: number,
  confidence = 0.97,
  alternatives?: CharAlternatives[],
): TextItem {
  return {
    ...positioned(text, x, y, 30, confidence),
    ...(alternatives ? { alternatives } : {}),
  };
}

/** The form, its 法定代表人 read as `person` (placed beside the label), then `extra` lines. */
export function bankForm(
  person: TextItem,
  source: DocumentText['source'] = 'paddle',
  extra: readonly TextItem[] = [],
): DocumentText {
  return ocrText(
    [
      ocrItem('基本存款账户信息', 600, 200, 0.99),
      ocrItem('存款人名称', 200, 400, 0.99),
      ocrItem('杭州珩越贸易有限公司', 500, 400),
      ocrItem('法定代表人', 200, 460, 0.99),
      { ...person, x: 500, y: 460 },
      ocrItem('开户银行', 200, 520, 0.99),
      ocrItem('招商银行股份有限公司杭州滨江支行', 500, 520),
      ocrItem('账号', 200, 580, 0.99),
      ocrItem('3469922317129364594', 500, 580),
      ...extra,
    ],
    1700,
    2400,
    source,
  );
}
