import type { PolicyPack } from '../schema.js';
import { framework, themes } from './framework.js';
import { modernSlavery } from './modern-slavery.js';
import { paragraphs } from './paragraphs.js';
import { sources } from './sources.js';
import { stages } from './stages.js';
import { supplierStatus } from './supplier-status.js';

/**
 * The default pack: the Social Value Policy and Modern Slavery Statement of the Cumbria
 * OPCC and Constabulary, in our own words, each item with the paragraph it comes from.
 * The policy is reviewed annually (§1.1.1): a new version is a new pack.
 */
export const cumbriaPack: PolicyPack = {
  id: 'cumbria-opcc-social-value',
  name: 'Cumbria OPCC and Constabulary Social Value Policy and Modern Slavery Statement',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  reviewDue: '2027-01-01',
  reviewCitation: '§1.1.1',
  paragraphs,
  sources,
  scope: {
    rules: [
      {
        kind: 'keyProvider',
        id: '1.1.3(i)',
        citation: '§1.1.3(i)',
        text: 'Social value outcomes are sought with every key provider, whatever the value.',
      },
      {
        kind: 'valueGreaterThan',
        id: '1.1.3(iii)',
        citation: '§1.1.3(iii)',
        text: 'Social value outcomes are sought in goods and services contracts worth more than £100,000.',
        appliesTo: ['goods', 'services'],
        threshold: 100_000,
      },
      {
        kind: 'valueGreaterThan',
        id: '1.1.3(iv)',
        citation: '§1.1.3(iv)',
        text: 'Social value outcomes are sought in works contracts worth more than £2,000,000 in total.',
        appliesTo: ['works'],
        threshold: 2_000_000,
      },
    ],
    coverage: {
      citation: '§1.1.3(ii)',
      text: 'The policy covers services, works and goods; a mixed contract is treated as its main element.',
    },
    otherModels: {
      citation: '§1.1.3',
      text: 'Consider other delivery models, such as social enterprises and mutuals, where they may deliver more social value.',
    },
  },
  regulated: {
    authority: {
      kind: 'sub-central',
      citation: 'PA 2023 Sch 1',
      text: 'A police body is a sub-central authority: emergency services are listed as sub-central.',
    },
    atOrAbove: {
      citation: 'PA 2023 s.3(2)',
      text: 'A contract is regulated when its estimated value, including VAT, is not less than the threshold.',
    },
    includesVat: true,
    rows: [
      {
        from: '2024-01-01',
        to: '2025-12-31',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
        sources: ['PPN 11/23', 'SI 2023 thresholds amendment'],
      },
      {
        from: '2026-01-01',
        goodsAndServices: 207_720,
        works: 5_193_000,
        lightTouch: 663_540,
        sources: ['SI 2025/1200', 'PPN 023:2026'],
      },
    ],
  },
  act: {
    citation: 'PSSVA 2012 s.1',
    text: 'The Public Services (Social Value) Act 2012 binds services contracts, and mixed contracts whose main element is services, at or above the regulated threshold.',
    considerations: [
      {
        id: 'a',
        text: 'How the procurement might improve the economic, social and environmental well-being of the area.',
      },
      { id: 'b', text: 'How, in procuring, the authority might act to secure that improvement.' },
      { id: 'c', text: 'Whether to consult on those matters.' },
    ],
    regimes: [
      {
        id: 'pcr-2015',
        name: 'Public Contracts Regulations 2015',
        to: '2025-02-23',
        citation: 'PCR 2015',
        text: 'Procurements begun before 24 February 2025 run under the Public Contracts Regulations 2015.',
      },
      {
        id: 'pa-2023',
        name: 'Procurement Act 2023',
        from: '2025-02-24',
        citation: 'SI 2025/163 reg 7',
        text: 'For procurements begun on or after 24 February 2025 the duty is triggered by publishing a notice under the Procurement Act 2023.',
      },
    ],
  },
  objectiveAboveThreshold: {
    citation: '§2.2',
    text: 'Above the regulated threshold, delivering additional social value is an objective of every contract.',
  },
  weighting: {
    min: 0,
    max: 10,
    unit: '%',
    citation: '§2.2',
    text: 'In a competitive award, up to 10% of the award criteria may be on social value where there is a justification.',
    context: {
      citation: 'PPN 002',
      text: "Central government's Social Value Model sets a minimum of 10%; it binds central government only, and 10% meets both.",
    },
  },
  outcomeTests: [
    { id: 'relevant', citation: '§2.1(i)', text: 'Relevant to the purpose of the commissioning' },
    {
      id: 'specifiable',
      citation: '§2.1(ii)',
      text: 'Can legitimately be included in the contract specification',
    },
    {
      id: 'priorities',
      citation: '§2.1(iii)',
      text: "Contributes to the OPCC's priorities (the Police and Crime Plan, the Constabulary's strategy)",
    },
  ],
  preCommissioningQuestions: [
    {
      id: 'why',
      citation: '§4.2(a)',
      text: 'Why is the service being commissioned: is it still relevant, and what are we trying to achieve (the baseline service outcomes)?',
    },
    {
      id: 'consultation',
      citation: '§4.2(b)',
      text: 'What service-user, community or market consultation or research will redefine or confirm the need, and is there a chance to co-design or co-commission?',
    },
    {
      id: 'outcomes',
      citation: '§4.2(c)',
      text: "Which additional social value outcomes should the commissioning seek, as its contribution to the OPCC's priorities?",
    },
  ],
  sizeBands: {
    citation: '§4.3',
    bands: [
      { id: 'micro', label: 'Micro', min: 0, max: 9 },
      { id: 'small', label: 'Small', min: 10, max: 49 },
      { id: 'medium', label: 'Medium', min: 50, max: 249 },
      { id: 'large', label: 'Large', min: 250 },
    ],
    smeBelow: 250,
    note: {
      citation: 'PA 2023 SME definition',
      text: "The policy sizes businesses by head count alone; the Procurement Act's SME definition also allows turnover of £44m or less or a balance sheet of £38m or less.",
    },
  },
  smallerProviders: {
    checks: [
      {
        id: 'promote',
        citation: '§4.4(a)',
        text: 'Promote the opportunity widely and inclusively, early enough for smaller providers to tender.',
        appliesWhen: ['competitive'],
        statutory: {
          citation: 'PA 2023 s.12(4)',
          text: 'The Procurement Act requires regard to the barriers SMEs face in taking part.',
          appliesWhen: ['procurementActRegime'],
        },
      },
      {
        id: 'events',
        citation: '§4.4(b)',
        text: 'Hold a pre-tender awareness event where that is appropriate.',
        appliesWhen: ['competitive'],
      },
      {
        id: 'thresholds',
        citation: '§4.4(c)',
        text: 'Do not set financial, insurance or other thresholds higher than needed.',
        appliesWhen: ['competitive'],
      },
      {
        id: 'lots',
        citation: '§4.4(d)',
        text: 'Consider splitting the contract into lots to open it to smaller providers.',
        appliesWhen: ['competitive'],
        statutory: {
          citation: 'PA 2023 s.18',
          text: 'For a regulated procurement under the Procurement Act, lots must be considered, and the tender notice must say why they are not used.',
          appliesWhen: ['aboveRegulatedThreshold', 'procurementActRegime'],
        },
      },
    ],
    turnover: {
      maxMultipleOfValue: 2,
      citation: 'PCR 2015 reg 58(9)',
      text: 'A minimum yearly turnover requirement above twice the estimated contract value needs a justification.',
    },
  },
  themes,
  framework,
  stages,
  supplierStatus,
  modernSlavery,
};
