import type { ContractDetailsNotice, PerformanceNotice } from '../core/record/index.js';
import { formatDate } from './format.js';

/**
 * The notices' data as text an officer pastes into the Find a Tender service. The force
 * publishes; the bot only prepares the words. Each text names the notice it serves.
 */

const heading = (notice: { id: string; name: string; citation: string }): string =>
  `${notice.name} (${notice.id}, ${notice.citation})`;

const contractLines = (data: {
  contract: { reference: string; title: string };
  supplier?: string;
}): string[] => [
  `Contract: ${data.contract.title} (${data.contract.reference})`,
  ...(data.supplier ? [`Supplier: ${data.supplier}`] : []),
];

/** The KPIs for the contract details notice, the most material marked. */
export function contractDetailsText(data: ContractDetailsNotice): string {
  const lines = [heading(data.notice), ...contractLines(data), ''];
  if (data.kpis.length === 0) {
    lines.push('Key performance indicators: none set.');
  } else {
    lines.push('Key performance indicators:');
    data.kpis.forEach((kpi, index) => {
      lines.push(
        `${index + 1}. ${kpi.name}${kpi.mostMaterial ? ' [one of the most material]' : ''}`,
        `   How it is measured: ${kpi.measuredBy}`,
        `   Target: ${kpi.target}`,
      );
    });
    if (data.mostMaterial.length > 0) {
      lines.push('', `Most material: ${data.mostMaterial.join('; ')}`);
    }
  }
  if (data.notAppropriate) {
    lines.push(
      '',
      `Why performance could not appropriately be assessed by KPIs: ${data.notAppropriate}`,
    );
  }
  return lines.join('\n');
}

/** One assessment for a contract performance notice: the period, each rating and its note. */
export function performanceNoticeText(data: PerformanceNotice): string {
  const lines = [
    heading(data.notice),
    ...contractLines(data),
    `Period assessed: ${formatDate(data.period.from)} to ${formatDate(data.period.to)}${
      data.kind === 'termination' ? ' (on termination)' : ''
    }`,
    '',
  ];
  for (const kpi of data.kpis) {
    lines.push(`${kpi.name}: ${kpi.label} (${kpi.meaning})`, `   Note: ${kpi.note}`);
  }
  lines.push(
    `Overall: ${data.overall.label} (${data.overall.meaning})`,
    `   Note: ${data.overall.note}`,
  );
  return lines.join('\n');
}
