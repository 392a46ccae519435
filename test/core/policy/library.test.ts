import assert from 'node:assert/strict';
import {
  buildLibrary,
  builtInPack,
  newerVersionInForce,
  type PolicyLibrary,
  type PolicyPack,
  packIdFor,
  singlePackLibrary,
  versionInForce,
} from '../../../core/policy/index.js';
import { VERSION_2026, VERSION_2027 } from '../../support/pack-versions.js';
import { answerOf, problemsOf } from '../rules/helpers.js';

const entry = (pack: PolicyPack, from: string) => ({ pack, from });
const OTHER: PolicyPack = { ...VERSION_2026, id: 'another-force', name: 'Another force' };

function library(): PolicyLibrary {
  return answerOf(buildLibrary([entry(VERSION_2027, 'b.json'), entry(VERSION_2026, 'a.json')], {}));
}

describe('policy library: versions and tenants', () => {
  it('takes the version in force on the day, the earliest before any has taken effect', () => {
    const lib = library();
    assert.equal(versionInForce(lib, builtInPack.id, '2027-03-31')?.version, '2026.1');
    assert.equal(versionInForce(lib, builtInPack.id, '2027-04-01')?.version, '2027.1');
    assert.equal(versionInForce(lib, builtInPack.id, '2025-01-01')?.version, '2026.1');
    assert.equal(versionInForce(lib, 'unknown', '2027-04-01'), undefined);
  });

  it('names a newer version only once it is in force, and never an older one', () => {
    const lib = library();
    const old = { id: builtInPack.id, version: '2026.1' };
    assert.equal(newerVersionInForce(lib, old, '2027-03-31'), undefined);
    assert.equal(newerVersionInForce(lib, old, '2027-04-01')?.version, '2027.1');
    assert.equal(newerVersionInForce(lib, { ...old, version: '2027.1' }, '2027-05-01'), undefined);
    // A record made under 2027.1 is not told to go back when a day before it is shown.
    assert.equal(newerVersionInForce(lib, { ...old, version: '2027.1' }, '2026-05-01'), undefined);
  });

  it('maps each tenant to its pack, and gives an unmapped tenant none when several are loaded', () => {
    const lib = answerOf(
      buildLibrary([entry(VERSION_2026, 'a.json'), entry(OTHER, 'o.json')], {
        'tenant-a': builtInPack.id,
        'tenant-o': 'another-force',
      }),
    );
    assert.equal(packIdFor(lib, 'tenant-a'), builtInPack.id);
    assert.equal(packIdFor(lib, 'tenant-o'), 'another-force');
    assert.equal(packIdFor(lib, 'tenant-x'), undefined);
    assert.equal(packIdFor(singlePackLibrary(builtInPack), 'tenant-x'), builtInPack.id);
  });

  it('lists every problem of a library at once, in words that say what to fix', () => {
    const undated = { ...VERSION_2027, inForceFrom: undefined };
    const problems = problemsOf(
      buildLibrary(
        [
          entry(VERSION_2026, 'a.json'),
          entry(VERSION_2026, 'copy.json'),
          entry(undated, 'b.json'),
          entry({ ...VERSION_2027, version: '2027.2' }, 'c.json'),
          entry({ ...VERSION_2027, version: '2027.3' }, 'd.json'),
          entry(OTHER, 'o.json'),
        ],
        { 'tenant-z': 'nobody' },
      ),
    );
    const text = problems.map((p) => `${p.path} ${p.message}`).join('\n');
    assert.match(text, /copy\.json holds version 2026\.1 .* which a\.json holds too/);
    assert.match(text, /b\.json inForceFrom is missing: pack .* has 4 versions/);
    assert.match(text, /has two versions taking effect on 2027-04-01/);
    assert.match(text, /tenant tenant-z is mapped to pack nobody, which is not loaded/);
    assert.equal(problems.length, 4);
    const unmapped = problemsOf(
      buildLibrary([entry(VERSION_2026, 'a.json'), entry(OTHER, 'o.json')], {}),
    );
    assert.match(unmapped[0]?.message ?? '', /2 packs are loaded .* say which tenant uses which/);
  });
});
