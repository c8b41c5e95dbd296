// Small formatting helpers shared by the pack's records and messages.

/** "7.1 MB", "842 KB", "512 B" (1 MB = 1024 × 1024 bytes, as the 5 MB limit is meant). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export const MIME_LABEL: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'image/heic': 'HEIC',
  'application/zip': 'ZIP',
  unknown: 'unknown',
};

export const mimeLabel = (mime: string): string => MIME_LABEL[mime] ?? mime;
