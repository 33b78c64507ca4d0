// House rules the linter enforces (docs/architecture.md, "Rules between parts"):
// - module-boundaries: another module only through its index.ts; platform never imports a module at run time;
//   an index.ts never re-exports a repository.
// - sql-in-repositories: query builders and raw `sql` only in *.repository.ts, *.access.ts and platform/db.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'server', 'src');
const modulesDir = path.join(src, 'modules');
const platformDir = path.join(src, 'platform');

const inside = (dir, file) => file === dir || file.startsWith(dir + path.sep);
/** `modules/<name>/rest` → { name, rest } for a file under server/src/modules, else null. */
function moduleOf(file) {
  if (!inside(modulesDir, file)) {
    return null;
  }
  const [name, ...rest] = path.relative(modulesDir, file).split(path.sep);
  return { name, rest: rest.join('/') };
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));

/** The web's contract file may read schemas (types) and zod-free constants of every module. */
// api.ts and the parts it re-exports (api-*.ts): the web's type-only view of the server.
const isApiContract = (file) => path.dirname(file) === src && /^api(-[a-z]+)?\.ts$/.test(path.basename(file));
const apiMayRead = (rest) => /(^|\/)(constants|stages)\.ts$/.test(rest) || /\.schema\.ts$/.test(rest);

/**
 * An index.ts may export read-model functions that live in a repository file, but never the repository object itself,
 * under its name or another (`export { tasksRepository as partyTasks }`), nor a whole repository file (`export *`).
 */
function reExportsRepository(node) {
  if (node.type === 'ExportAllDeclaration') {
    return true;
  }
  if (node.type !== 'ExportNamedDeclaration') {
    return false;
  }
  return node.specifiers.some((s) => {
    const local = s.local.name ?? s.local.value;
    const exported = s.exported.name ?? s.exported.value;
    return /Repository$/.test(local) || local !== exported;
  });
}

const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules meet only through index.ts; platform never imports a module at run time' },
    schema: [],
    messages: {
      internal: "Import module '{{name}}' through its index.ts, not '{{rest}}'.",
      platform: 'Platform must not import a module at run time (type-only imports of tables are the one exception).',
      repository:
        "index.ts must not re-export a repository or rename a repository export ('{{spec}}'): export a service, read model or condition.",
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const from = moduleOf(file);
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) {
        return;
      }
      const target = path.resolve(path.dirname(file), spec);
      const to = moduleOf(target);
      if (from && from.rest === 'index.ts' && /\.repository\.ts$/.test(spec) && reExportsRepository(node)) {
        context.report({ node, messageId: 'repository', data: { spec } });
      }
      if (!to || (from && from.name === to.name)) {
        return;
      }
      if (inside(platformDir, file)) {
        if (!isTypeOnly(node)) {
          context.report({ node, messageId: 'platform' });
        }
        return;
      }
      if (to.rest === 'index.ts') {
        return;
      }
      if (isApiContract(file) && apiMayRead(to.rest)) {
        return;
      }
      context.report({ node, messageId: 'internal', data: { name: to.name, rest: to.rest } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression(node) {
        check({ ...node, source: node.source.type === 'Literal' ? node.source : undefined, type: 'ImportExpression' });
      },
    };
  },
};

const builderCalls = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'selectNoFrom',
]);
const sqlAllowed = (file) =>
  /\.(repository|access)\.ts$/.test(file) ||
  inside(path.join(platformDir, 'db'), file) ||
  inside(path.join(platformDir, 'access'), file);

const sqlInRepositories = {
  meta: {
    type: 'problem',
    docs: {
      description: 'SQL only in repositories (*.repository.ts), access conditions (*.access.ts) and platform/db',
    },
    schema: [],
    messages: {
      builder: "Query builder call '{{name}}' outside a repository: move it into a *.repository.ts.",
      raw: 'Raw sql outside a repository: move it into a *.repository.ts (or an *.access.ts condition).',
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    if (!inside(src, file) || sqlAllowed(file)) {
      return {};
    }
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'kysely' || node.importKind === 'type') {
          return;
        }
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier' && s.importKind !== 'type' && s.imported.name === 'sql') {
            context.report({ node: s, messageId: 'raw' });
          }
        }
      },
      CallExpression(node) {
        const c = node.callee;
        if (c.type === 'MemberExpression' && c.property.type === 'Identifier' && builderCalls.has(c.property.name)) {
          context.report({ node, messageId: 'builder', data: { name: c.property.name } });
        }
      },
    };
  },
};

export default {
  meta: { name: 'tandem' },
  rules: { 'module-boundaries': moduleBoundaries, 'sql-in-repositories': sqlInRepositories },
};
