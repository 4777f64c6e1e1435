#!/usr/bin/env node
// CommonJS on purpose: Node's CommonJS loader starts faster than its ES module loader.
'use strict';
require('../dist/bundle/cli.cjs')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
