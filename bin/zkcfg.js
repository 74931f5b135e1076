#!/usr/bin/env node
import "../dist/zkcfg.js";
