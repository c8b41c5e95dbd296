// The catalogues' names of document kinds and fields (dossier.kind.*, dossier.field.*),
// taken from src/core/labels.ts so the screens, the checks and the report spell them
// alike; spread into zh.ts and en.ts. English names start with a capital here.
import type { DetectedKind } from '../../core/documents';
import { FIELD_LABELS, KIND_LABELS, type LabelledField } from '../../core/labels';

type LabelMessages = { [F in LabelledField as `dossier.field.${F}`]: string } & {
  [K in DetectedKind as `dossier.kind.${K}`]: string;
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function labelMessages(language: 'zh' | 'en'): LabelMessages {
  const name = (label: { zh: string; en: string }): string =>
    language === 'zh' ? label.zh : capitalised(label.en);
  return Object.fromEntries([
    ...Object.entries(KIND_LABELS).map(([kind, label]) => [`dossier.kind.${kind}`, name(label)]),
    ...Object.entries(FIELD_LABELS).map(([field, label]) => [`dossier.field.${field}`, name(label)]),
  ]) as LabelMessages;
}

export const LABELS_ZH = labelMessages('zh');
export const LABELS_EN = labelMessages('en');
