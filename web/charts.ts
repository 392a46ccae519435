/**
 * The dashboard's charts, drawn on the server with Vega as SVG: no script runs in the page
 * to draw them, nothing is fetched from a network, and the page's own bundle stays small.
 * Each bar carries its figure as text and its label on the axis, so that colour is never
 * the only thing that tells bars apart.
 */
import * as vega from 'vega';

export interface Bar {
  label: string;
  value: number;
}

/** The Teams themes the page follows. */
export const LOOKS = ['default', 'dark', 'contrast'] as const;
export type Look = (typeof LOOKS)[number];

const COLOURS: Record<Look, { bar: string; text: string; rule: string }> = {
  default: { bar: '#5b5fc7', text: '#242424', rule: '#8a8886' },
  dark: { bar: '#7f85f5', text: '#ffffff', rule: '#adadad' },
  contrast: { bar: '#ffff00', text: '#ffffff', rule: '#ffffff' },
};

const BAR_HEIGHT = 28;
const LINE_HEIGHT = 14;

/** A horizontal bar chart of counts, as an SVG document. */
export async function barChartSvg(
  bars: readonly Bar[],
  measure: string,
  look: Look,
): Promise<string> {
  const colours = COLOURS[look];
  // A label of two lines takes a taller bar, and is moved up to stay centred on it.
  const lines = Math.max(1, ...bars.map((bar) => bar.label.split('\n').length));
  const spec: vega.Spec = {
    width: 380,
    height: Math.max(1, bars.length) * (BAR_HEIGHT + LINE_HEIGHT * (lines - 1)),
    padding: 8,
    autosize: { type: 'pad' },
    data: [{ name: 'bars', values: bars.map((bar, order) => ({ ...bar, order })) }],
    scales: [
      {
        name: 'y',
        type: 'band',
        domain: { data: 'bars', field: 'label', sort: { field: 'order', op: 'min' } },
        range: 'height',
        padding: 0.25,
      },
      {
        name: 'x',
        type: 'linear',
        domain: { data: 'bars', field: 'value' },
        domainMin: 0,
        range: 'width',
        nice: true,
        zero: true,
      },
    ],
    axes: [
      {
        orient: 'left',
        scale: 'y',
        labelColor: colours.text,
        labelFontSize: 12,
        labelLimit: 340,
        // A label of two lines (a theme over "committed") keeps its second line whole.
        encode: {
          labels: {
            update: {
              text: { signal: "split(datum.value, '\\n')" },
              dy: { value: (-LINE_HEIGHT / 2) * (lines - 1) },
            },
          },
        },
        domainColor: colours.rule,
        tickColor: colours.rule,
      },
      {
        orient: 'bottom',
        scale: 'x',
        title: measure,
        titleColor: colours.text,
        labelColor: colours.text,
        tickMinStep: 1,
        format: 'd',
        domainColor: colours.rule,
        tickColor: colours.rule,
        grid: true,
        gridColor: colours.rule,
        gridOpacity: 0.3,
      },
    ],
    marks: [
      {
        type: 'rect',
        from: { data: 'bars' },
        encode: {
          enter: {
            y: { scale: 'y', field: 'label' },
            height: { scale: 'y', band: 1 },
            x: { scale: 'x', value: 0 },
            x2: { scale: 'x', field: 'value' },
            fill: { value: colours.bar },
            stroke: { value: colours.text },
            strokeWidth: { value: look === 'contrast' ? 1 : 0 },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'bars' },
        encode: {
          enter: {
            y: { scale: 'y', field: 'label', band: 0.5 },
            x: { scale: 'x', field: 'value', offset: 6 },
            baseline: { value: 'middle' },
            text: { field: 'value' },
            fill: { value: colours.text },
            fontSize: { value: 12 },
            fontWeight: { value: 'bold' },
          },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
