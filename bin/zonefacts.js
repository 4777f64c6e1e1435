#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size: a small young generation suits a CLI that allocates short-lived objects
// per article, and keeps its peak memory down at no cost in speed (README, "Performance").
const { main } = await import('../dist/bundle/cli.js');
process.exitCode = await main(process.argv);
