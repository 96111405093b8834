// Preloaded with `node --import`: records every module URL the process
// resolves into the file named by REFLEKS_TRACE_IMPORTS, so tests can check
// that a command does not load heavy libraries it does not need.
import { register } from 'node:module';
import { appendFileSync } from 'node:fs';

const out = process.env.REFLEKS_TRACE_IMPORTS;
if (out) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(out, url + '\n'));
  port1.unref();
  register('./trace-imports-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
}
