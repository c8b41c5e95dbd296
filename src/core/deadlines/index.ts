// After linking: keeping it valid (spec §4). Chinese working days, change filing deadlines,
// expiry watch and a dossier's upcoming deadlines.
export * from './calendar';
export * from './change';
export * from './chinese-days';
export * from './dossier-deadlines';
export * from './expiry';
export * from './messages';
export * from './schedule';
export * from './ics';
export * from './reminders';
