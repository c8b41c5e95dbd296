// Image analysis of scanned and photographed documents: quality flags and seals.
export * from './schema';
export {
  inspectDocument,
  RESOLUTION_FLOOR,
  type Inspection,
  type InspectInput,
  type PageImage,
} from './inspect';
export type { RgbaImage } from './pixels';
export { fieldTextConfidence } from './text-confidence';
export { FLAG_NAMES, SEAL_ROLE_NAMES } from './labels';
