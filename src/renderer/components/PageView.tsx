// A page image with a box over each extracted field: zoom (buttons, Ctrl+wheel) and pan
// (drag). Boxes are divs in the page's own coordinate space (PageGeometry), and one CSS
// transform scales and moves image and boxes together, so they never drift apart.
import { MinusOutlined, PlusOutlined, ExpandOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Box, Region } from '../../core/extraction';
import type { PageGeometry } from '../model/contract';
import { useI18n } from '../i18n';
import {
  LOUPE,
  isVisible,
  keepInView,
  loupeView,
  panForZoom,
  printHeight,
  zoomAnchor,
} from './page-geometry';

export interface PageBox {
  id: string;
  box: Box;
  label: string;
  /** needs a person's attention (low confidence, width to confirm, a proposed correction). */
  attention?: boolean;
  confirmed?: boolean;
}

export interface PageViewProps {
  url: string;
  geometry: PageGeometry;
  boxes: readonly PageBox[];
  selected: string | null;
  onSelect: (id: string) => void;
  height?: number;
  /**
   * The part of the page that is the document (one ID side of a copy holding both): it
   * is outlined, and the view fits it instead of the whole page.
   */
  region?: Region;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 8;
const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** Memoised: a review's render that leaves its page, boxes and selection alone skips it. */
export const PageView = memo(function PageView({
  url,
  geometry,
  boxes,
  selected,
  onSelect,
  height = 640,
  region,
}: PageViewProps) {
  const { t } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const [pan, setPan] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; panX: number; panY: number; moved: boolean } | null>(
    null,
  );

  // By value: a reloaded view brings an equal region, which must not reset the zoom.
  const [rx, ry, rw, rh] = region
    ? [region.x, region.y, region.w, region.h]
    : [0, 0, geometry.width, geometry.height];
  const fit = useCallback(() => {
    const el = frame.current;
    if (!el || geometry.width <= 0) return;
    const target = { x: rx, y: ry, w: rw, h: rh };
    const z = clamp(Math.min(el.clientWidth / target.w, el.clientHeight / target.h));
    setZoom(z);
    setPan({
      x: (el.clientWidth - target.w * z) / 2 - target.x * z,
      y: (el.clientHeight - target.h * z) / 2 - target.y * z,
    });
  }, [geometry.width, rx, ry, rw, rh]);

  useEffect(fit, [fit, url]);

  // The latest zoom, pan and selected box, for handlers that fire faster than renders.
  const current = useRef({ zoom, pan });
  current.current = { zoom, pan };
  const selectedBox = boxes.find((b) => b.id === selected)?.box ?? null;
  const selectedRef = useRef(selectedBox);
  selectedRef.current = selectedBox;

  /**
   * Zooms by `factor` keeping the page point under (cx, cy) of the frame in place, or by
   * a button about the selected field. A selected field in view stays in view: the pan
   * moves only as far as needed, never re-centred away from where the eye is.
   */
  const zoomAt = useCallback((factor: number, cx?: number, cy?: number) => {
    const el = frame.current;
    if (!el) return;
    const size = { w: el.clientWidth, h: el.clientHeight };
    const { zoom: z, pan: p } = current.current;
    const next = clamp(z * factor);
    const box = selectedRef.current;
    const anchor =
      cx !== undefined && cy !== undefined ? { x: cx, y: cy } : zoomAnchor(size, p, z, box);
    let nextPan = panForZoom(anchor, p, z, next);
    if (box && isVisible(size, p, z, box)) nextPan = keepInView(size, nextPan, next, box);
    current.current = { zoom: next, pan: nextPan };
    setZoom(next);
    setPan(nextPan);
  }, []);

  // React's wheel listener is passive; Ctrl+wheel must not zoom the whole window.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left, e.clientY - rect.top);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  // Bring the selected field's box into view when it is outside the frame. A new page is
  // fitted whole (so the box is in view): the state read here would be the old page's.
  const fittedUrl = useRef<string | null>(null);
  useEffect(() => {
    if (fittedUrl.current !== url) {
      fittedUrl.current = url;
      return;
    }
    const el = frame.current;
    const target = boxes.find((b) => b.id === selected);
    if (!el || !target) return;
    const { x, y, w, h } = target.box;
    const left = pan.x + x * zoom;
    const top = pan.y + y * zoom;
    const inside =
      left >= 0 &&
      top >= 0 &&
      left + w * zoom <= el.clientWidth &&
      top + h * zoom <= el.clientHeight;
    if (!inside) {
      setPan({
        x: el.clientWidth / 2 - (x + w / 2) * zoom,
        y: el.clientHeight / 2 - (y + h / 2) * zoom,
      });
    }
    // Only when the selection changes: panning by hand afterwards is the person's choice.
  }, [selected, url]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, y: e.clientY, panX: pan.x, panY: pan.y, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const rect = e.currentTarget.getBoundingClientRect();
    setPointer(d?.moved ? null : { x: e.clientX - rect.left, y: e.clientY - rect.top });
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!d.moved) e.currentTarget.setPointerCapture(e.pointerId);
    d.moved = true;
    setPan({ x: d.panX + dx, y: d.panY + dy });
  };
  const onPointerUp = () => {
    // A drag that moved is a pan, not a click on a box: keep the flag until the click.
    setTimeout(() => (drag.current = null), 0);
  };
  const wasDrag = () => drag.current?.moved === true;

  // The magnifier over small print: where the pointer is, when the print there is small.
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [magnifier, setMagnifier] = useState(true);
  const lineHeight = useMemo(() => printHeight(boxes.map((b) => b.box)), [boxes]);
  const loupe =
    magnifier && pointer && frame.current
      ? loupeView(
          { w: frame.current.clientWidth, h: frame.current.clientHeight },
          { w: geometry.width, h: geometry.height },
          pan,
          zoom,
          pointer,
          lineHeight,
        )
      : null;

  const border = Math.max(1, 2 / zoom);
  return (
    <div data-testid="page-view" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Space>
        <Tooltip title={t('dossier.review.zoomOut')}>
          <Button
            icon={<MinusOutlined />}
            aria-label={t('dossier.review.zoomOut')}
            data-testid="zoom-out"
            onClick={() => zoomAt(1 / 1.25)}
          />
        </Tooltip>
        <span data-testid="zoom-level" style={{ minWidth: 48, textAlign: 'center' }}>
          {Math.round(zoom * 100)}%
        </span>
        <Tooltip title={t('dossier.review.zoomIn')}>
          <Button
            icon={<PlusOutlined />}
            aria-label={t('dossier.review.zoomIn')}
            data-testid="zoom-in"
            onClick={() => zoomAt(1.25)}
          />
        </Tooltip>
        <Tooltip title={t('dossier.review.fit')}>
          <Button icon={<ExpandOutlined />} aria-label={t('dossier.review.fit')} onClick={fit} />
        </Tooltip>
        <Tooltip title={t('review.magnifierHint')}>
          <Button
            icon={<SearchOutlined />}
            type={magnifier ? 'primary' : 'default'}
            ghost={magnifier}
            aria-pressed={magnifier}
            aria-label={t('review.magnifier')}
            data-testid="magnifier-toggle"
            onClick={() => setMagnifier((m) => !m)}
          />
        </Tooltip>
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('dossier.review.zoomHint')}</span>
      </Space>
      <div
        ref={frame}
        data-testid="page-frame"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => setPointer(null)}
        style={{
          position: 'relative',
          overflow: 'hidden',
          height,
          background: '#f0f0f0',
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          cursor: drag.current?.moved ? 'grabbing' : 'grab',
          touchAction: 'none',
          userSelect: 'none',
        }}
      >
        <div
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            width: geometry.width,
            height: geometry.height,
            transformOrigin: '0 0',
            transform: `translate(${pan.x}px, ${pan.y}px) scale(${zoom})`,
          }}
        >
          <img
            src={url}
            alt=""
            draggable={false}
            style={{ width: '100%', height: '100%', display: 'block', background: '#fff' }}
          />
          {region && (
            <div
              data-testid="page-region"
              style={{
                position: 'absolute',
                left: region.x,
                top: region.y,
                width: region.w,
                height: region.h,
                border: `${border}px dashed #1677ff`,
                boxSizing: 'border-box',
                pointerEvents: 'none',
              }}
            />
          )}
          {boxes.map(({ id, box, label, attention, confirmed }) => {
            const isSelected = id === selected;
            const colour = isSelected
              ? '#1677ff'
              : attention
                ? '#fa8c16'
                : confirmed
                  ? '#52c41a'
                  : '#8c8c8c';
            return (
              <div
                key={id}
                data-testid="field-box"
                data-field={id}
                data-selected={isSelected ? 'true' : 'false'}
                title={label}
                role="button"
                aria-label={label}
                aria-pressed={isSelected}
                onClick={(e) => {
                  e.stopPropagation();
                  if (!wasDrag()) onSelect(id);
                }}
                // The selected box is outlined, never filled, and its line sits just outside
                // the field: the characters to inspect (brackets) stay uncovered.
                style={{
                  position: 'absolute',
                  left: box.x - (isSelected ? border * 1.5 : 0),
                  top: box.y - (isSelected ? border * 1.5 : 0),
                  width: Math.max(box.w, 2) + (isSelected ? border * 3 : 0),
                  height: Math.max(box.h, 2) + (isSelected ? border * 3 : 0),
                  border: `${isSelected ? border * 1.5 : border}px solid ${colour}`,
                  background: isSelected ? 'transparent' : 'rgba(0,0,0,0.02)',
                  boxSizing: 'border-box',
                  cursor: 'pointer',
                }}
              />
            );
          })}
        </div>
        {loupe && (
          <div
            data-testid="page-loupe"
            data-scale={loupe.scale.toFixed(3)}
            aria-hidden="true"
            style={{
              position: 'absolute',
              left: loupe.left,
              top: loupe.top,
              width: LOUPE.w,
              height: LOUPE.h,
              pointerEvents: 'none',
              border: '2px solid #1677ff',
              borderRadius: 8,
              boxShadow: '0 4px 16px rgba(0,0,0,0.25)',
              backgroundColor: '#fff',
              backgroundImage: `url("${url}")`,
              backgroundRepeat: 'no-repeat',
              backgroundSize: `${loupe.backgroundWidth}px ${loupe.backgroundHeight}px`,
              backgroundPosition: `${loupe.backgroundX}px ${loupe.backgroundY}px`,
            }}
          />
        )}
      </div>
    </div>
  );
});
