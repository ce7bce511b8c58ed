// A small React wrapper around echarts 6, tree-shaken to what the pages draw (bar charts on a grid
// with a tooltip, rendered as SVG so the DOM is crisp and testable). It resizes with its container.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption
>;

export type ChartProps = {
  readonly option: ChartOption;
  readonly height?: number;
  /** What the chart shows, for screen readers. */
  readonly ariaLabel: string;
  readonly 'data-testid'?: string;
};

export function Chart({ option, height = 280, ariaLabel, ...rest }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node) return undefined;
    const instance = init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Animation off: the chart is a report, and tests and screenshots see its final state at once.
    chart.current?.setOption({ ...option, animation: false }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height }}
      data-testid={rest['data-testid']}
    />
  );
}
