import assert from 'node:assert/strict';
import { setKpis, suggestedKpis } from '../../../core/record/index.js';
import { type KpiDuty, kpiDuty, kpiDutyInputFrom } from '../../../core/rules/index.js';
import {
  AWARD,
  actOn,
  awardedRecord,
  okValue,
  problemsOf,
  THREE_KPIS,
} from './contract-fixtures.js';
import { newRecord, pack } from './fixtures.js';

const dutyFor = (value: number): KpiDuty =>
  okValue(kpiDuty(pack, { value, procurementStart: '2026-04-01' }));
const required = dutyFor(6_000_000);
const optional = dutyFor(250_000);

describe('setting a contract’s KPIs', () => {
  const record = awardedRecord();

  it('keeps three KPIs with the three most material marked, each with an id, and says so in the history', () => {
    const set = okValue(setKpis(record, pack, required, { kpis: THREE_KPIS }, actOn(AWARD)));
    assert.equal(set.kpis?.duty, 'required');
    assert.deepEqual(
      set.kpis?.kpis.map((k) => [k.id, k.name, k.mostMaterial, k.measureId]),
      [
        ['K1', 'Detainees seen within the agreed time', true, undefined],
        ['K2', 'Clinical incidents reviewed', true, undefined],
        ['K3', 'Local people employed', true, 'local-jobs'],
      ],
    );
    const last = set.history.at(-1);
    assert.equal(last?.action, 'kpis-set');
    assert.match(String(last?.changes[0]?.to), /K3 Local people employed \(most material\)/);
    assert.equal(set.revision, record.revision + 1);
  });

  it('asks for at least three where the Act requires them, citing s.52', () => {
    const problems = problemsOf(
      setKpis(record, pack, required, { kpis: THREE_KPIS.slice(0, 2) }, actOn(AWARD)),
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]?.message ?? '', /Set at least 3 KPIs \(2 set\).*PA 2023 s\.52/);
    assert.match(problems[0]?.message ?? '', /could not appropriately be assessed/);
  });

  it('takes the reason KPIs could not appropriately assess performance instead of KPIs', () => {
    const reason =
      'A single delivery of custody furniture: there is no performance over time to assess.';
    const set = okValue(setKpis(record, pack, required, { notAppropriate: reason }, actOn(AWARD)));
    assert.deepEqual(set.kpis?.kpis, []);
    assert.equal(set.kpis?.notAppropriate, reason);
    assert.equal(set.history.at(-1)?.changes[1]?.to, reason);
  });

  it('asks for exactly three marked most material once there are three or more', () => {
    const two = THREE_KPIS.map((k, i) => ({ ...k, mostMaterial: i < 2 }));
    const four = [...THREE_KPIS, { ...THREE_KPIS[0], name: 'Fourth' }].map((k) => ({
      ...k,
      mostMaterial: true,
    }));
    assert.match(
      problemsOf(setKpis(record, pack, required, { kpis: two }, actOn(AWARD)))[0]?.message ?? '',
      /Mark 3 KPIs as the most material.*2 are marked/,
    );
    assert.match(
      problemsOf(setKpis(record, pack, required, { kpis: four }, actOn(AWARD)))[0]?.message ?? '',
      /Mark at most 3 KPIs as most material; 4 are marked/,
    );
  });

  it('lets KPIs be optional below the value: any number, none need be marked', () => {
    const one = [{ ...THREE_KPIS[0], mostMaterial: false }];
    const set = okValue(setKpis(record, pack, optional, { kpis: one }, actOn(AWARD)));
    assert.equal(set.kpis?.duty, 'optional');
    assert.equal(set.kpis?.kpis.length, 1);
  });

  it('names each empty field by its KPI number, in plain words', () => {
    const problems = problemsOf(
      setKpis(
        record,
        pack,
        required,
        { kpis: [{ name: '', measuredBy: '  ', mostMaterial: true }, ...THREE_KPIS.slice(1)] },
        actOn(AWARD),
      ),
    );
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['kpis.0.name', 'KPI 1: Enter the KPI’s name.'],
        ['kpis.0.measuredBy', 'KPI 1: Say how the KPI is measured.'],
        ['kpis.0.target', 'KPI 1: Enter the KPI’s target.'],
      ],
    );
  });

  it('refuses a KPI taken from an outcome the record did not choose', () => {
    const kpis = [
      ...THREE_KPIS.slice(0, 2),
      { ...THREE_KPIS[2], measureId: 'cyber-certification' },
    ];
    const problems = problemsOf(setKpis(record, pack, required, { kpis }, actOn(AWARD)));
    assert.equal(problems[0]?.path, 'kpis.2.measureId');
    assert.match(
      problems[0]?.message ?? '',
      /KPI 3: it names an outcome this record did not choose/,
    );
  });

  it('refuses KPIs before the pre-commissioning questions are finished', () => {
    const problems = problemsOf(
      setKpis(newRecord(), pack, required, { kpis: THREE_KPIS }, actOn(AWARD)),
    );
    assert.equal(problems[0]?.message, 'Finish the pre-commissioning questions first.');
  });

  it('takes KPIs on a finished record before its award (s.52 asks for them before the contract)', () => {
    const finished = { ...record, contract: undefined, stages: undefined };
    const set = okValue(setKpis(finished, pack, required, { kpis: THREE_KPIS }, actOn(AWARD)));
    assert.equal(set.kpis?.kpis.length, 3);
  });

  it('uses the duty the record’s own answers give', () => {
    const assessment = record.assessment;
    assert.ok(assessment);
    assert.equal(okValue(kpiDuty(pack, kpiDutyInputFrom(assessment.input))).duty, 'required');
    assert.equal(
      okValue(kpiDuty(pack, kpiDutyInputFrom(assessment.input, { framework: true }))).duty,
      'optional',
    );
  });
});

describe('KPIs suggested from the social value outcomes', () => {
  it('turns each chosen outcome into a KPI with its target and unit, none marked', () => {
    const suggested = suggestedKpis(awardedRecord(), pack);
    assert.deepEqual(
      suggested.map((k) => [k.measureId, k.target, k.mostMaterial]),
      [
        ['local-jobs', '3', false],
        ['local-supply-chain-spend', '40%', false],
        ['living-wage', 'Commitment kept throughout the contract', false],
      ],
    );
    const jobs = pack.framework.measures.find((m) => m.id === 'local-jobs');
    // The pack's {unit} is filled in with the measure's own unit, never shown as typed.
    assert.equal(
      suggested[0]?.measuredBy,
      pack.procurementAct.kpis.fromOutcome.measuredBy.replace('{unit}', jobs?.unit.label ?? ''),
    );
    assert.doesNotMatch(suggested[0]?.measuredBy ?? '', /\{unit\}/);
    assert.equal(
      suggested[0]?.name,
      pack.framework.measures.find((m) => m.id === 'local-jobs')?.text,
    );
  });

  it('gives KPIs the setter accepts as they are, once three are marked', () => {
    const record = awardedRecord();
    const kpis = suggestedKpis(record, pack).map((k) => ({ ...k, mostMaterial: true }));
    const set = okValue(setKpis(record, pack, required, { kpis }, actOn(AWARD)));
    assert.deepEqual(
      set.kpis?.kpis.map((k) => k.measureId),
      ['local-jobs', 'local-supply-chain-spend', 'living-wage'],
    );
  });
});
