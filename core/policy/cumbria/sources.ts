import type { PolicyPack } from '../schema.js';

const LEGISLATION = 'https://www.legislation.gov.uk';
const PPNS = 'https://www.gov.uk/government/collections/procurement-policy-notes';

/** Public sources for the facts the policy itself does not state. */
export const sources: PolicyPack['sources'] = [
  {
    ref: 'PSSVA 2012 s.1',
    title: 'Public Services (Social Value) Act 2012, section 1',
    url: `${LEGISLATION}/ukpga/2012/3/section/1`,
  },
  {
    ref: 'PA 2023 s.3(2)',
    title: 'Procurement Act 2023, section 3(2): a contract at or above the threshold is regulated',
    url: `${LEGISLATION}/ukpga/2023/54/section/3`,
  },
  {
    ref: 'PA 2023 Sch 1',
    title:
      'Procurement Act 2023, Schedule 1: threshold amounts; emergency services are sub-central',
    url: `${LEGISLATION}/ukpga/2023/54/schedule/1`,
  },
  {
    ref: 'PA 2023 s.12(4)',
    title:
      'Procurement Act 2023, section 12(4): regard to barriers facing small and medium-sized enterprises',
    url: `${LEGISLATION}/ukpga/2023/54/section/12`,
  },
  {
    ref: 'PA 2023 s.18',
    title: 'Procurement Act 2023, section 18: duty to consider lots, with reasons where not used',
    url: `${LEGISLATION}/ukpga/2023/54/section/18`,
  },
  {
    ref: 'PA 2023 SME definition',
    title:
      'Procurement Act 2023: small and medium-sized enterprise defined by staff, turnover or balance sheet',
    url: `${LEGISLATION}/ukpga/2023/54`,
  },
  {
    ref: 'SI 2025/163 reg 7',
    title:
      'SI 2025/163, regulation 7: the Social Value Act duty triggered by a notice under the Procurement Act 2023',
    url: `${LEGISLATION}/uksi/2025/163`,
  },
  {
    ref: 'PCR 2015',
    title: 'Public Contracts Regulations 2015 (procurements begun before 24 February 2025)',
    url: `${LEGISLATION}/uksi/2015/102`,
  },
  {
    ref: 'PCR 2015 reg 58(9)',
    title:
      'Public Contracts Regulations 2015, regulation 58(9): minimum yearly turnover at most twice the contract value',
    url: `${LEGISLATION}/uksi/2015/102/regulation/58`,
  },
  {
    ref: 'Find a Tender',
    title: 'UK notices moved from OJEU to Find a Tender on 1 January 2021',
    url: 'https://www.find-tender.service.gov.uk',
  },
  {
    ref: 'PPN 11/23',
    title: 'Procurement Policy Note 11/23: thresholds from 1 January 2024',
    url: PPNS,
  },
  {
    ref: 'SI 2023 thresholds amendment',
    title: 'The 2023 amendment of the procurement thresholds, in force 1 January 2024',
    url: LEGISLATION,
  },
  {
    ref: 'SI 2025/1200',
    title: 'SI 2025/1200: procurement thresholds from 1 January 2026',
    url: `${LEGISLATION}/uksi/2025/1200`,
  },
  {
    ref: 'PPN 023:2026',
    title: 'Procurement Policy Note 023: thresholds from 1 January 2026',
    url: PPNS,
  },
  {
    ref: 'PPN 002',
    title:
      'Procurement Policy Note 002 (formerly PPN 06/20): the Social Value Model, minimum 10% weighting for central government',
    url: PPNS,
  },
  {
    ref: 'PPN 009',
    title:
      'Procurement Policy Note 009 (formerly PPN 02/23): tackling modern slavery in supply chains',
    url: PPNS,
  },
  {
    ref: 'MSA 2015 s.54',
    title: 'Modern Slavery Act 2015, section 54: slavery and human trafficking statements',
    url: `${LEGISLATION}/ukpga/2015/30/section/54`,
  },
  {
    ref: 'MSAT',
    title:
      'Home Office Modern Slavery Assessment Tool, for suppliers in medium and high-risk categories',
    url: 'https://supplierregistration.cabinetoffice.gov.uk/msat',
  },
];
