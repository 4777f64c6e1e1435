#!/usr/bin/env -S node --max-semi-space-size=2
// --max-semi-space-size: a small young generation suits a CLI that allocates short-lived objects
// per article, and keeps its peak memory down at no cost in speed (README, "Performance").
// CommonJS on purpose: Node's CommonJS loader starts faster than its ES module loader.
'use strict';
require('../dist/bundle/cli.cjs')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
