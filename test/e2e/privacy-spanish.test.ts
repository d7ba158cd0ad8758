import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, type Sandbox } from './helpers.js';

const SPANISH = { LANG: 'es_MX.UTF-8' };
const ENGLISH = /\b(Backed up|people|person|meetings?|readable|keep it|Restored|replaced|Forgot|erased|rebuilt|backups|exported|referred|stays?)\b/;

describe('backup, restore and forget in Spanish', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = sandbox();
    expect(box.run(['log', 'Ana Ruiz', '--value', 'su familia', '--referral', 'Bo Chen']).code).toBe(0);
  });
  afterEach(() => box.cleanup());

  it('says what was backed up, restored and forgotten, counted in Spanish, and the same lines are English otherwise', () => {
    const file = join(box.dir, 'copia.db');
    const backup = box.run(['backup', file], { env: SPANISH });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/^Se respaldaron 2 personas y 1 reunión en .*copia\.db \(\d+,\d KB, solo tú lo puedes leer\)\.\nTiene todo lo que la gente te contó: guárdalo en un lugar privado\.\n$/);

    const restore = box.run(['restore', file, '--yes'], { env: SPANISH });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toMatch(/Se restauró .*copia\.db en .*: 2 personas, 1 reunión\./);

    const forget = box.run(['forget', 'Ana Ruiz', '--yes'], { env: SPANISH });
    expect(forget.code, forget.stderr).toBe(0);
    expect(forget.stderr).toContain('Se olvidó a Ana Ruiz: se borraron 1 reunión, 1 nota, 0 solicitudes, 0 seguimientos, 1 cambio de peldaño.');
    expect(forget.stderr).toContain('1 persona a la que te presentó sigue en el registro, ya sin ese vínculo.');
    for (const said of [backup.stderr, restore.stderr, forget.stderr]) expect(said.replace(/\/\S+/g, '')).not.toMatch(ENGLISH);

    expect(box.run(['backup', join(box.dir, 'again.db')]).stderr).toMatch(ENGLISH);
  });
});
