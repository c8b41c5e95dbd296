// The pure domain core's public surface, for hosts that prefer one import.
export * from './checks';
export * from './codes/correct';
export * from './codes/id-number';
export * from './codes/regions';
export * from './codes/uscc';
export * from './dates';
export * from './diff';
export * from './documents';
export * from './dossier';
export * from './extraction';
export * from './ports';
export * from './rule-pack';
export * from './text/normalise';
export * from './text/radicals';
export * from './deadlines';
