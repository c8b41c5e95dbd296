// Rule packs by id. Each pack is JSON validated against RulePackSchema when loaded, so a
// malformed pack fails loudly instead of checking dossiers against wrong thresholds.
import aliexpressAccountLinking from './aliexpress-account-linking.json';
import { RulePackSchema, type RulePack } from './schema';

export { RulePackSchema, type RulePack } from './schema';

export const DEFAULT_RULE_PACK_ID = 'aliexpress-account-linking';

/** Every bundled pack's raw JSON, by id. */
const BUNDLED_PACKS: Readonly<Record<string, unknown>> = {
  [DEFAULT_RULE_PACK_ID]: aliexpressAccountLinking,
};

/** The rule pack with this id (the default pack when no id is given), validated; a fresh copy each call. */
export function loadRulePack(id: string = DEFAULT_RULE_PACK_ID): RulePack {
  const raw = Object.hasOwn(BUNDLED_PACKS, id) ? BUNDLED_PACKS[id] : undefined;
  if (raw === undefined) {
    throw new Error(
      `Unknown rule pack "${id}": the known packs are ${Object.keys(BUNDLED_PACKS).join(', ')}.`,
    );
  }
  const parsed = RulePackSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Rule pack "${id}" is invalid at ${issue?.path.join('.') ?? '(top level)'}: ${issue?.message ?? 'unknown problem'}.`,
    );
  }
  if (parsed.data.id !== id) {
    throw new Error(`Rule pack "${id}" declares the id "${parsed.data.id}".`);
  }
  return parsed.data;
}

/** Id, version and name of every bundled rule pack. */
export function listRulePacks(): { id: string; version: string; name: RulePack['name'] }[] {
  return Object.keys(BUNDLED_PACKS).map((id) => {
    const pack = loadRulePack(id);
    return { id: pack.id, version: pack.version, name: pack.name };
  });
}
