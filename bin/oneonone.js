#!/usr/bin/env node
// CommonJS (bin/package.json): the ES-module loader alone costs more than loading the whole of --help this way.
require('../dist/main.cjs');
