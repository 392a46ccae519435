import type { PolicyPack } from '../schema.js';
import { delivery, procurementAct } from './contract-management.js';
import { framework, themes } from './framework.js';
import { modernSlavery } from './modern-slavery.js';
import { paragraphs } from './paragraphs.js';
import { sources } from './sources.js';
import { stages } from './stages.js';
import { supplierStatus } from './supplier-status.js';

/** Checked against legislation.gov.uk and gov.uk on this day; the thresholds are revised every two years. */
const CONFIRMED_ON = '2026-12-01';

/**
 * The default pack: the Social Value Policy and Modern Slavery Statement of the Cumbria
 * OPCC and Constabulary, in our own words, each item with the paragraph it comes from.
 * The policy is reviewed annually (§1.1.1), but the document carries no date: the pack
 * records it as undated and leaves the review date to the force (a setting, or its own pack).
 */
export const builtInPack: PolicyPack = {
  id: 'cumbria-opcc-social-value',
  name: 'Cumbria OPCC and Constabulary Social Value Policy and Modern Slavery Statement',
  // The pack's own release: the policy document has no version of its own.
  version: 'pack-2.0.0',
  document: {
    dated: false,
    note: 'The policy document carries no adoption date, version or review date; the pack records none of its own making.',
  },
  reviewCitation: '§1.1.1',
  reviewCycle: 'The policy is reviewed every year.',
  notices: {
    reviewUnknown: {
      citation: '§1.1.1',
      text: 'The policy is reviewed annually, but its review date is not recorded: the document is undated and the force has not set one. Check with procurement that this is the current policy.',
    },
    reviewOverdue: {
      citation: '§1.1.1',
      text: 'The policy is reviewed annually and its review date has passed; check with procurement that it is still current.',
    },
    thresholdsOutdated: {
      citation: 'PA 2023 Sch 1',
      text: 'The regulated thresholds are revised every two years and a revision was expected before this procurement begins: these are the latest figures the pack holds. Check the current Schedule 1 amounts before relying on them.',
    },
  },
  paragraphs,
  // The policy's paragraphs, its appendix and the statement's commitments, named as the
  // cards have always named them.
  citationReadings: [
    { startsWith: '§', reads: '{ref} of the policy' },
    { startsWith: 'App ', reads: 'Appendix {rest}' },
    { startsWith: 'MSS-', reads: 'Modern Slavery Statement, {ref}' },
    { startsWith: 'MSS', reads: 'Modern Slavery Statement' },
  ],
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
      text: 'The policy covers services, works and goods.',
    },
    mixed: {
      text: 'A mixed contract is judged as its main element, for the local thresholds and the regulated ones alike.',
      derived: {
        from: ['§1.1.3(ii)', 'PSSVA 2012 s.1'],
        note: "The policy does not say how a mixed contract is judged; the pack takes its main element, as the Social Value Act's own test looks at which part is greater by value.",
      },
    },
    otherModels: {
      citation: '§1.1.3',
      text: 'Consider other delivery models, such as social enterprises and mutuals, where they may deliver more social value.',
    },
  },
  regulated: {
    authority: {
      kind: 'sub-central',
      citation: 'PA 2023 Sch 1 para 5',
      text: 'A police body is not a central government authority (ministers, government departments and the authorities the Procurement Regulations 2024 list), so the sub-central thresholds apply.',
    },
    atOrAbove: {
      citation: 'PA 2023 s.3(2)',
      text: 'A contract is regulated when its estimated value, including VAT, is not less than the threshold.',
    },
    includesVat: true,
    rows: [
      {
        from: '2024-01-01',
        to: '2025-02-23',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
        concession: 5_372_609,
        lightTouchConcession: 5_372_609,
        sources: ['PCR 2015 reg 5', 'CCR 2016', 'PPN 11/23'],
        confirmedOn: CONFIRMED_ON,
        nextRevisionExpected: '2026-01-01',
      },
      {
        from: '2025-02-24',
        to: '2025-12-31',
        goodsAndServices: 214_904,
        works: 5_372_609,
        lightTouch: 663_540,
        concession: 5_372_609,
        lightTouchConcession: 5_372_609,
        sources: ['SI 2025/163 reg 3', 'PA 2023 Sch 1'],
        confirmedOn: CONFIRMED_ON,
        nextRevisionExpected: '2026-01-01',
      },
      {
        from: '2026-01-01',
        goodsAndServices: 207_720,
        works: 5_193_000,
        lightTouch: 663_540,
        concession: 5_193_000,
        // SI 2025/1200 left the light-touch rows (5, 7 and 8 of the Act's table) unchanged.
        lightTouchConcession: 5_372_609,
        sources: ['SI 2025/1200', 'PPN 023:2026'],
        confirmedOn: CONFIRMED_ON,
        nextRevisionExpected: '2028-01-01',
      },
    ],
    concession: {
      citation: 'PA 2023 s.8',
      text: 'A concession (the supplier is paid mainly by the right to exploit the works or services) has its own threshold, and a light-touch service let as a concession another.',
    },
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
        procurementAct: true,
        from: '2025-02-24',
        citation: 'SI 2025/163 reg 7',
        text: 'For procurements begun on or after 24 February 2025 the duty is triggered by publishing a notice under the Procurement Act 2023.',
      },
    ],
    concession: {
      applies: false,
      citation: 'SI 2025/163 reg 7',
      text: "The Social Value Act duty is read as not reaching a concession contract: it binds public services contracts, and the amended section 1 defines a concession contract apart from them. The policy's own scope (§1.1.3) still applies.",
      derived: {
        from: ['SI 2025/163 reg 7', 'PSSVA 2012 s.1'],
        note: 'The amended section 1 imports the Procurement Act meaning of a concession contract (SI 2025/163 reg 7); the pack reads the duty as not reaching concessions. Before 24 February 2025 concessions ran under the Concession Contracts Regulations 2016, not the 2015 Regulations the Act then relied on. Take legal advice on a particular concession.',
      },
    },
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
    text: 'In a contract awarded through a competitive process, up to 10% of the award criteria must be on social value where there is a justification.',
    context: {
      citation: 'PPN 002',
      text: "Central government's Social Value Model (PPN 002) sets a minimum of 10% for central government bodies; it does not bind a police body, which may choose to apply it. 10% meets both.",
    },
    notApplicable: {
      citation: '§2.2',
      text: 'The award weighting is for contracts in the policy’s scope that are awarded through a competitive process.',
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
      citation: 'PA 2023 s.123',
      text: "The policy sizes businesses by head count alone. The Procurement Act's SME definition adds a further condition on top of fewer than 250 staff: a turnover of £44m or less, or a balance sheet of £38m or less. It is not an alternative to the head count.",
    },
  },
  localArea: {
    citation: '§4.3',
    // CA1 to CA28, then LA7 to LA23, then LA6 (split with Lancashire and North Yorkshire).
    districts: [
      ...Array.from({ length: 28 }, (_, i) => ({ district: `CA${i + 1}` })),
      ...Array.from({ length: 17 }, (_, i) => ({ district: `LA${i + 7}` })),
      { district: 'LA6', partial: true },
    ],
    derived: {
      from: ['§4.3'],
      note: 'The policy asks for a baseline of local spend but does not define "local". The pack reads it as the police force area of Cumbria (Cumberland, and Westmorland and Furness) as postcode districts: CA1 to CA28 and LA7 to LA23, with LA6 marked partial as the boundary splits it. The force should confirm the list against the ONS Postcode Directory.',
    },
  },
  smallerProviders: {
    checks: [
      {
        id: 'promote',
        citation: '§4.4(a)',
        text: 'Promote the opportunity widely and inclusively, early enough for smaller providers to tender.',
        appliesWhen: [],
        directAward: {
          applies: false,
          text: 'A direct award invites no tenders, so there is no opportunity to promote.',
        },
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
        appliesWhen: [],
        directAward: {
          applies: false,
          text: 'A direct award has no tender for an awareness event to prepare bidders for.',
        },
      },
      {
        id: 'thresholds',
        citation: '§4.4(c)',
        text: 'Do not set financial, insurance or other thresholds higher than needed.',
        appliesWhen: [],
        directAward: {
          applies: true,
          text: 'Still applies: the insurance and financial terms of the contract should not be set higher than the contract needs, whoever is chosen.',
        },
      },
      {
        id: 'lots',
        citation: '§4.4(d)',
        text: 'Consider splitting the contract into lots to open it to smaller providers, without losing sight of Best Value: smaller providers are not to be excluded inadvertently or unnecessarily.',
        appliesWhen: [],
        directAward: {
          applies: false,
          text: 'A direct award goes to one supplier, and the duty to consider lots comes before a tender notice (PA 2023 s.18), which a direct award does not publish. Whether to award directly at all is the earlier choice.',
        },
        statutory: {
          citation: 'PA 2023 s.18',
          text: 'For a regulated procurement under the Procurement Act, lots must be considered, and the tender notice must say why they are not used.',
          appliesWhen: ['aboveRegulatedThreshold', 'procurementActRegime'],
        },
      },
    ],
    turnover: {
      maxMultipleOfValue: 2,
      byRegime: [
        {
          regime: 'pcr-2015',
          citation: 'PCR 2015 reg 58(9)',
          statesMultiple: true,
          text: 'Under the Public Contracts Regulations 2015, a minimum yearly turnover above twice the estimated contract value needs a justification.',
        },
        {
          regime: 'pa-2023',
          citation: 'PA 2023 s.22',
          statesMultiple: false,
          text: 'Under the Procurement Act 2023, a condition of participation such as a minimum turnover must be a proportionate means of ensuring the supplier can perform the contract, having regard to its nature, complexity and cost.',
        },
      ],
      ruleOfThumb: {
        text: 'The pack asks for a justification for a minimum turnover above twice the contract value, as a rule of thumb for proportionality.',
        derived: {
          from: ['PCR 2015 reg 58(9)', 'PA 2023 s.22', '§4.4(c)'],
          note: 'Twice the value was the legal limit under the 2015 Regulations (reg 58(9)); the Procurement Act 2023 sets no figure, only proportionality (s.22). The pack keeps the old figure as its rule of thumb for procurements under the Act.',
        },
      },
    },
  },
  directAward: {
    citation: '§4.4',
    text: 'For a direct award (no competition), each smaller-provider check and modern slavery item says whether it still applies, and why; modern slavery due diligence still applies to the one supplier chosen.',
    derived: {
      from: ['§4.4', 'MSS'],
      note: 'The policy does not say what a direct award changes; the pack reads each check and commitment against a single chosen supplier.',
    },
  },
  principles: [
    {
      id: 'market-message',
      citation: '§4.1',
      text: 'Every time we communicate with the market, say clearly that we intend to secure social value through this commissioning.',
    },
    {
      id: 'measurable',
      citation: '§2.1',
      text: 'The social value outcomes sought must be measurable and verifiable.',
    },
    {
      id: 'supply-chains',
      citation: '§2.2',
      text: "The commitments also apply to the supplier's supply chain.",
    },
    {
      id: 'proportionate',
      citation: '§5.2',
      text: 'Apply the policy proportionately to the needs of this commissioning: there is no one size fits all.',
    },
  ],
  themes,
  themeLinks: {
    text: 'Each §2.2 example and each Appendix 1 measure is linked to one of the five themes by the pack.',
    derived: {
      from: ['§2.2', '§5.0', 'App 1'],
      note: 'Neither §2.2 nor Appendix 1 names a theme; the pack links each example and measure to the theme whose aim it serves most directly.',
    },
  },
  framework,
  stageModel: { citation: 'Fig 1' },
  stages,
  supplierStatus,
  modernSlavery,
  procurementAct,
  delivery,
};
