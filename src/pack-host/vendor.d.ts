// The parts of untyped packages the pack's host adapters use.
declare module 'fontkit' {
  /** Parses a font file (upstream fontkit 2; its objects are what pdf-lib drives). */
  export function create(bytes: Uint8Array, postscriptName?: string): unknown;
}

declare module 'heic-decode' {
  interface DecodedHeic {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  function decode(input: { buffer: Uint8Array }): Promise<DecodedHeic>;
  export default decode;
}
