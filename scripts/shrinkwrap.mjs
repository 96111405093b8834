// Run around `npm pack` (prepack / postpack): ship an npm-shrinkwrap.json made
// from package-lock.json, without the development packages. A global install
// then gets exactly the dependency tree the tests ran against, including
// `overrides` (which npm applies only in the project's own folder), and needs
// no registry look-ups when the packages are in npm's cache. Removed again
// after packing, so that the project keeps one lock file: package-lock.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const target = new URL('../npm-shrinkwrap.json', import.meta.url);
if (process.argv.includes('--remove')) {
  rmSync(target, { force: true });
} else {
  const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
  const packages = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    // devOptional: a development package that a runtime one lists only as an optional peer.
    if (entry.dev || entry.devOptional) continue;
    if (path === '') {
      const { devDependencies: _dev, ...root } = entry;
      packages[path] = root;
    } else {
      packages[path] = entry;
    }
  }
  writeFileSync(target, JSON.stringify({ ...lock, packages }, null, 2) + '\n');
}
