// The province-level prefixes of the administrative division codes (GB/T 2260) that open
// the region part of a USCC and an ID number.

// prettier-ignore
/** First two digits of a province-level division, plus 91 (ID numbers issued abroad). */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  // North China: Beijing, Tianjin, Hebei, Shanxi, Inner Mongolia
  '11', '12', '13', '14', '15',
  // Northeast: Liaoning, Jilin, Heilongjiang
  '21', '22', '23',
  // East: Shanghai, Jiangsu, Zhejiang, Anhui, Fujian, Jiangxi, Shandong
  '31', '32', '33', '34', '35', '36', '37',
  // Central and South: Henan, Hubei, Hunan, Guangdong, Guangxi, Hainan
  '41', '42', '43', '44', '45', '46',
  // Southwest: Chongqing, Sichuan, Guizhou, Yunnan, Tibet
  '50', '51', '52', '53', '54',
  // Northwest: Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang
  '61', '62', '63', '64', '65',
  // Taiwan, Hong Kong, Macao, residence permits for Taiwan residents, overseas
  '71', '81', '82', '83', '91',
]);

/** The region code of an organisation registered at national level (中华人民共和国). */
export const NATIONAL_REGION_CODE = '100000';
