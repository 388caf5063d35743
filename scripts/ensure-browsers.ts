/**
 * The e2e tests need Debian's chromium and firefox-esr. Installs them when missing and we are
 * root (as on CI); otherwise fails with the exact command to run. Never downloads a browser build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../tests/e2e/browsers';

const missing = [
  { path: CHROMIUM_PATH, pkg: 'chromium' },
  { path: FIREFOX_PATH, pkg: 'firefox-esr' },
].filter((b) => !existsSync(b.path));

if (missing.length > 0) {
  const packages = missing.map((b) => b.pkg);
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`Missing browsers: ${missing.map((b) => b.path).join(', ')}.\nInstall them as root with:\n  ${command}`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' and ')} from Debian…`);
  execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
}
for (const b of [CHROMIUM_PATH, FIREFOX_PATH]) {
  if (!existsSync(b)) {
    console.error(`${b} is still missing after the install.`);
    process.exit(1);
  }
}
console.log('Browsers: chromium and firefox-esr present.');
