import { writeFileSync } from 'node:fs';
import { runMain } from '@netra/core';
import { buildDemoScenario } from './build-demo-world.js';
import { demoDataDirectory, registryCsvFiles } from './registry-csv.js';

/** Regenerates data/demo/{regions,agencies,civil-servants}.csv from the demo world. */
runMain(async () => {
  for (const [name, content] of Object.entries(registryCsvFiles(buildDemoScenario()))) {
    writeFileSync(`${demoDataDirectory}${name}`, content);
    process.stdout.write(`wrote data/demo/${name}\n`);
  }
});
