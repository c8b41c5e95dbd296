// The verified document pack: one implementation for `dossier pack`, `dossier verify`
// and the app's Export and "Verify a pack".
export * from './accounts-csv';
export * from './build';
export * from './build-input';
export * from './errors';
export * from './format';
export * from './image-codec';
export * from './manifest';
export * from './naming';
export * from './normalise';
export * from './report';
export * from './report-font';
export * from './signature';
export * from './size-limits';
export * from './verify';
export * from './watermark';
export * from './zip-reader';
export * from './zip-writer';
