// A small picture of a document in its slot: its own page, cropped to its region when it
// is a part of the page (one ID side of a copy holding both). Drawn by the same renderer
// as the review, at the size shown, so four slots cost four small renders.
import { FileOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { DocumentView, Workspace } from '../model/contract';

const WIDTH = 96;
const HEIGHT = 72;

/** Scale and offset that fit `region` of a page into WIDTH × HEIGHT. */
export function thumbnailFit(
  page: { width: number; height: number },
  region?: { x: number; y: number; w: number; h: number },
): { scale: number; width: number; height: number; left: number; top: number } {
  const r = region ?? { x: 0, y: 0, w: page.width, h: page.height };
  const scale = Math.min(WIDTH / r.w, HEIGHT / r.h);
  return {
    scale,
    width: Math.round(r.w * scale),
    height: Math.round(r.h * scale),
    left: -r.x * scale,
    top: -r.y * scale,
  };
}

export function Thumbnail({
  workspace,
  doc,
  alt,
}: {
  workspace: Workspace;
  doc: DocumentView;
  alt: string;
}) {
  const page = doc.extracted.page ?? 0;
  const geometry = doc.pages[page];
  const id = doc.info.id;
  const fit = geometry ? thumbnailFit(geometry, doc.extracted.region) : null;
  // Drawn at twice the size shown, so it stays sharp on a high-density screen.
  const renderScale = fit ? Math.min(1, fit.scale * 2) : 0;
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (renderScale === 0) return;
    let live = true;
    let release: (() => void) | null = null;
    workspace.pageImage(id, page, renderScale).then(
      (r) => {
        if (!live) return r.release();
        release = r.release;
        setUrl(r.url);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      release?.();
      setUrl(null);
    };
  }, [workspace, id, page, renderScale]);

  const frame = {
    width: fit?.width ?? WIDTH,
    height: fit?.height ?? HEIGHT,
    flex: 'none',
    overflow: 'hidden',
    position: 'relative',
    border: '1px solid #d9d9d9',
    borderRadius: 4,
    background: '#fafafa',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  } as const;
  if (!fit || !geometry || failed || url === null) {
    return (
      <div style={frame} data-testid="slot-thumbnail" data-loaded="false">
        <FileOutlined style={{ fontSize: 24, color: '#bfbfbf' }} />
      </div>
    );
  }
  return (
    <div style={frame} data-testid="slot-thumbnail" data-loaded="true">
      <img
        src={url}
        alt={alt}
        draggable={false}
        style={{
          position: 'absolute',
          left: fit.left,
          top: fit.top,
          width: geometry.width * fit.scale,
          height: geometry.height * fit.scale,
          maxWidth: 'none',
        }}
      />
    </div>
  );
}
