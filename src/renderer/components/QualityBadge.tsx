// The image analysis where people see it (issue 16): a small badge per file saying whether
// its image is fit to send, with each flag's reason on hover, and the seal's box for the
// review page.
import { Tag, Tooltip } from 'antd';
import type { ExtractedDocument } from '../../core/extraction';
import { useI18n } from '../i18n';
import type { PageBox } from './PageView';

export function QualityBadge({ doc }: { doc: ExtractedDocument }) {
  const { t, language } = useI18n();
  const quality = doc.quality;
  if (quality === undefined) return null;
  const flags = quality.flags;
  const noSeal = doc.kind === 'bank-permit' && doc.seal?.found === false;
  if (flags.length === 0 && !noSeal) {
    return quality.raster ? (
      <Tag color="success" data-testid="quality-badge" data-flags="">
        {t('quality.ok')}
      </Tag>
    ) : null;
  }
  const reasons = flags.map((f) => (language === 'zh' ? f.reasonZh : f.reason));
  return (
    <Tooltip title={reasons.join(' ')}>
      <Tag
        color={noSeal ? 'error' : 'warning'}
        data-testid="quality-badge"
        data-flags={flags.map((f) => f.flag).join(' ')}
      >
        {[
          ...(noSeal ? [t('quality.noSeal')] : []),
          ...[...new Set(flags.map((f) => f.flag))].map((f) => t(`quality.flag.${f}`)),
        ].join(' · ')}
      </Tag>
    </Tooltip>
  );
}

/** The seals found on a page, as boxes the review page draws beside the fields'. */
export function sealBoxes(doc: ExtractedDocument, page: number, label: string): PageBox[] {
  return (doc.seal?.boxes ?? [])
    .filter((b) => b.page === page)
    .map((b, i) => ({
      id: `seal-${i}`,
      box: { page: b.page, x: b.x, y: b.y, w: b.w, h: b.h },
      label,
      confirmed: true,
    }));
}
