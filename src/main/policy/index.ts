// The main process's security decisions, all pure so that tests can attack them directly.
export * from './origin';
export * from './csp';
export * from './app-path';
export * from './requests';
export * from './navigation';
export * from './permissions';
export * from './ipc-sender';
export * from './saved-paths';
export * from './ipc-gate';
export * from './ipc-answer';
