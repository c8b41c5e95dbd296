// Files are named by where they run (README, "Layout"): `*.node.ts` runs only in Node (the
// CLI, the Electron main process, tests), `*.web.ts` only in the renderer and its workers,
// and a file without either suffix in src/core, src/ocr, src/pack-host, src/vault or
// src/shared runs on both. src/main, src/cli, src/preload and src/ocr-host are Node's; src/renderer is
// the web's. This rule checks what a file imports and which host-only globals it uses
// against its name, so a Node-only import cannot slip into code the renderer bundles.
import { builtinModules } from 'node:module';

const NODE_LAYERS = new Set(['main', 'cli', 'preload', 'ocr-host']);
const WEB_LAYERS = new Set(['renderer']);
/** npm packages that load only in Node (native addons, Electron). */
const NODE_PACKAGES = ['@napi-rs/canvas', 'onnxruntime-node', 'electron'];
const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
/** Globals that exist on one host only (a local variable of the same name is not one). */
const WEB_GLOBALS = new Set([
  'document',
  'window',
  'OffscreenCanvas',
  'createImageBitmap',
  'indexedDB',
  'localStorage',
]);
const NODE_GLOBALS = new Set(['process', 'Buffer', '__dirname', '__filename', 'require']);

function isNodeOnlyModule(spec) {
  if (spec.startsWith('node:')) return true;
  const bare = spec.split('/')[0];
  if (BUILTINS.has(spec) || BUILTINS.has(bare)) return true;
  return NODE_PACKAGES.some((name) => spec === name || spec.startsWith(`${name}/`));
}

/** 'node' or 'web' when a relative specifier names a host-only module, else null. */
function hostOfModule(spec) {
  if (!spec.startsWith('.')) return null;
  const match = /\.(node|web)(\.tsx?|\.js)?$/.exec(spec);
  return match ? match[1] : null;
}

/** Where a file runs, from its path: 'node', 'web' or 'both'; null outside src/. */
function hostOfFile(filename, root) {
  const path = filename.replaceAll('\\', '/');
  const at = path.lastIndexOf(`/${root}/`);
  if (at < 0) return null;
  const layer = path.slice(at + root.length + 2).split('/')[0];
  if (/\.node\.tsx?$/.test(path)) return 'node';
  if (/\.web\.tsx?$/.test(path)) return 'web';
  if (NODE_LAYERS.has(layer)) return 'node';
  if (WEB_LAYERS.has(layer)) return 'web';
  return 'both';
}

const WHO = { node: 'Node', web: 'the web (renderer)', both: 'both hosts' };

/** @type {import('eslint').Rule.RuleModule} */
export const hostNamesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Files are named by the host they run on (*.node.ts, *.web.ts).' },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false },
    ],
  },
  create(context) {
    const root = context.options[0]?.root ?? 'src';
    const host = hostOfFile(context.filename, root);
    if (host === null) return {};

    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (/^\.\.?\/.*\.node$/.test(spec)) {
        context.report({
          node: source,
          message: `Import '${spec}.ts' with its extension: Node's module loader takes a bare '.node' for a native addon.`,
        });
      }
      if (typeOnly) return;
      const target = isNodeOnlyModule(spec) ? 'node' : hostOfModule(spec);
      if (target === null || target === host) return;
      context.report({
        node: source,
        message:
          host === 'both'
            ? `'${spec}' runs only in ${WHO[target]}: name this file *.${target}.ts, or receive it through a port.`
            : `This file runs in ${WHO[host]}; '${spec}' runs only in ${WHO[target]}.`,
      });
    }

    const typeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) =>
        check(node, node.source.type === 'Literal' ? node.source : null, false),
      'Program:exit'(program) {
        if (host === 'node') return;
        const scope = context.sourceCode.getScope(program);
        const forbidden =
          host === 'web' ? NODE_GLOBALS : new Set([...NODE_GLOBALS, ...WEB_GLOBALS]);
        // Configured globals are variables of the global scope without a definition;
        // undeclared ones pass through it.
        const references = [
          ...scope.through,
          ...scope.variables.filter((v) => v.defs.length === 0).flatMap((v) => v.references),
        ];
        for (const reference of references) {
          const name = reference.identifier.name;
          if (!forbidden.has(name)) continue;
          const only = NODE_GLOBALS.has(name) ? 'node' : 'web';
          context.report({
            node: reference.identifier,
            message:
              host === 'both'
                ? `'${name}' exists only in ${WHO[only]}: name this file *.${only}.ts, or receive it through a port.`
                : `This file runs in ${WHO[host]}; '${name}' exists only in ${WHO[only]}.`,
          });
        }
      },
    };
  },
};
