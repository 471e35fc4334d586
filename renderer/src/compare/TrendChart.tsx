import { useEffect, useRef } from 'react';
// Modular ECharts: only the line chart, its axes, legend and tooltip, drawn as SVG (small bundle,
// crisp at any zoom, no eval — the CSP allows it as it is).
import { init, use as registerEchartsParts, type ComposeOption } from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { YearFigures } from '../../../shared/rollover/series';
import { FONT_FAMILY } from '../app/theme';
import { SERIES_KEYS, shortLabel } from './history';

registerEchartsParts([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Quiet, distinguishable colours (the app's blue first), with a different mark per series for print and colour blindness. */
const COLORS = ['#1f4e8c', '#2e7d32', '#6b8fb8', '#c77700', '#7b4f9e', '#a61d24'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'];

export function chartOption(years: YearFigures[], currentYear: number): Option {
  return {
    color: COLORS,
    textStyle: { fontFamily: FONT_FAMILY, color: '#1f2937' },
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 72 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '未填' : `${String(v)} 件`),
    },
    legend: { bottom: 0, itemGap: 14, textStyle: { fontSize: 12 } },
    xAxis: {
      type: 'category',
      data: years.map((y) => `${y.year}年`),
      boundaryGap: years.length < 3,
      axisLabel: {
        formatter: (v: string) => (v === `${currentYear}年` ? `{b|${v}}` : v),
        rich: { b: { fontWeight: 'bold' } },
      },
    },
    yAxis: { type: 'value', name: '件', minInterval: 1, nameTextStyle: { align: 'right' } },
    series: SERIES_KEYS.map((k, i) => ({
      type: 'line',
      name: shortLabel(k),
      data: years.map((y) => y[k]),
      symbol: SYMBOLS[i],
      symbolSize: 7,
      connectNulls: false,
      lineStyle: { width: 2 },
    })),
  };
}

export function TrendChart(props: { years: YearFigures[]; currentYear: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg', locale: 'ZH' });
    chart.setOption(chartOption(props.years, props.currentYear));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [props.years, props.currentYear]);
  return <div ref={ref} className="trend-chart" role="img" aria-label={props.label} />;
}
