// `npm run build`: dist/ becomes the app tree the production image runs with plain `node`, so a
// container needs neither tsx nor the registry at start. dist/ keeps the repository's layout, so a
// module's paths relative to import.meta.url (static assets, data/) resolve there as in the source.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const readJson = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const writeJson = (file, value) => writeFileSync(path.join(dist, file), `${JSON.stringify(value, null, 2)}\n`);
const copy = (relative) => cpSync(path.join(root, relative), path.join(dist, relative), { recursive: true });
// The workspaces' folders from root package.json's entries; `dir/*` is each folder in dir
// (Node 20 has no fs.glob).
const subfolders = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
const workspaceDirs = (patterns) => patterns.flatMap((pattern) => (pattern.endsWith('/*') ? subfolders(pattern.slice(0, -2)) : [pattern]));

// A stale file from an earlier build must not ship.
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

// Files the code reads at run time: everything beside the sources that is not TypeScript (the
// review pages' static assets), the classifier's data, and the demo world (sim-platform, CLIs).
const rootManifest = readJson('package.json');
for (const src of workspaceDirs(rootManifest.workspaces).map((dir) => path.join(dir, 'src'))) {
  if (!existsSync(path.join(dist, src))) continue; // not compiled: not part of production
  for (const entry of readdirSync(path.join(root, src), { recursive: true, withFileTypes: true })) {
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !file.endsWith('.ts')) copy(file);
  }
}
copy('packages/classifier/data');
copy('data');

// Every workspace manifest, so `npm ci --omit=dev` against the unchanged lockfile links
// @netra/* to dist's packages; their exports name the compiled files instead of src/*.ts.
const compiled = (target) => target.replace(/\.ts$/, '.js');
for (const dir of workspaceDirs(rootManifest.workspaces)) {
  const manifest = readJson(path.join(dir, 'package.json'));
  delete manifest.scripts; // tsx commands for development
  if (manifest.exports) manifest.exports = Object.fromEntries(Object.entries(manifest.exports).map(([key, target]) => [key, compiled(target)]));
  mkdirSync(path.join(dist, dir), { recursive: true });
  writeJson(path.join(dir, 'package.json'), manifest);
}

// The root scripts an operator uses (`npm run migrate`, `npm run users -- …`), as `node` on the
// compiled entry; dev-only ones (demo, test, bench, typecheck) have nothing to run in dist/.
const scripts = {};
for (const [name, command] of Object.entries(rootManifest.scripts)) {
  const entry = /^tsx (\S+)\.ts$/.exec(command)?.[1];
  if (entry && existsSync(path.join(dist, `${entry}.js`))) scripts[name] = `node ${entry}.js`;
}
writeJson('package.json', { ...rootManifest, scripts });
copy('package-lock.json');
