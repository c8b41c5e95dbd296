// The page image the review draws its boxes on, rendered by the workspace (a PDF page by
// pdfjs, an image file decoded) and released when the review moves on.
import { useEffect, useState } from 'react';
import type { DocumentView, PageGeometry, Workspace } from '../../model/contract';
import { useI18n } from '../../i18n';
import { errorSentence } from '../../shell/errors';

export function usePageImage(workspace: Workspace, doc: DocumentView | null, page: number) {
  const [image, setImage] = useState<{ url: string; geometry: PageGeometry } | null>(null);
  const { t } = useI18n();
  // The failure itself, worded at render: a language switch must not fetch the page again.
  const [failure, setFailure] = useState<unknown>(null);
  const id = doc?.info.id ?? null;
  const hasPages = (doc?.pages.length ?? 0) > 0;
  const geometry = doc?.pages[page];
  // PDF pages are in points (small): draw them at twice the size so text stays sharp.
  const scale = geometry && geometry.width < 1500 ? 2 : 1;
  useEffect(() => {
    setImage(null);
    setFailure(null);
    if (id === null || !hasPages) return;
    let release: (() => void) | null = null;
    let live = true;
    workspace.pageImage(id, page, scale).then(
      (r) => {
        if (!live) return r.release();
        release = r.release;
        setImage({ url: r.url, geometry: r.geometry });
      },
      (e: unknown) => live && setFailure(e ?? new Error('unknown')),
    );
    return () => {
      live = false;
      release?.();
    };
  }, [workspace, id, page, hasPages, scale]);
  return { image, error: failure === null ? null : errorSentence(failure, t) };
}
