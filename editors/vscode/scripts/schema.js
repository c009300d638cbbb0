'use strict';
// Writes schema/icp-filing.schema.json for `jsonValidation`: from `icpls schema`
// (ICPLS names the executable, default icpls), else a copy of ../schema/.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const target = path.join(__dirname, '..', 'schema', 'icp-filing.schema.json');
const shipped = path.join(__dirname, '..', '..', 'schema', 'icp-filing.schema.json');
const icpls = process.env.ICPLS || 'icpls';

fs.mkdirSync(path.dirname(target), { recursive: true });
try {
  fs.writeFileSync(target, execFileSync(icpls, ['schema'], { encoding: 'utf8' }));
  console.log(`schema: ${icpls} schema > ${path.relative(process.cwd(), target)}`);
} catch (error) {
  if (!fs.existsSync(shipped)) {
    console.error(`schema: "${icpls} schema" failed (${error.message}) and ${shipped} does not exist`);
    process.exit(1);
  }
  fs.copyFileSync(shipped, target);
  console.log(`schema: copied ${path.relative(process.cwd(), shipped)}`);
}
