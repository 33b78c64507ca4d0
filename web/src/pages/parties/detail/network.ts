import type { EChartsOption } from 'echarts';
import type { PartyNetwork } from '../shared/links.ts';

const depthColors = ['#1668dc', '#13c2c2', '#95de64', '#d9d9d9'];
const hiddenColor = '#bfbfbf';

interface Labels {
  /** "A party you cannot see". */
  hidden: string;
  /** The label of a link type key. */
  linkType: (type: string) => string;
}

/**
 * An ECharts force graph of the party's network: the party itself large in the middle, others smaller by depth,
 * hidden parties grey and unnamed, each edge labelled by its type. Each node appears once (the server sends it once).
 */
export function networkOption(network: PartyNetwork, centreId: string, labels: Labels): EChartsOption {
  const ids = new Set(network.nodes.map((n) => n.id));
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 400, edgeLength: [100, 160], gravity: 0.05 },
        label: { show: true, position: 'bottom', fontSize: 11 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        edgeLabel: {
          show: true,
          fontSize: 10,
          formatter: (p) => String((p as { data: { name?: string } }).data.name ?? ''),
        },
        lineStyle: { color: '#8c8c8c', curveness: 0.1 },
        data: network.nodes.map((n) => ({
          id: n.id,
          name: n.visible && n.name ? n.name : labels.hidden,
          symbolSize: n.id === centreId ? 28 : Math.max(10, 20 - n.depth * 4),
          itemStyle: {
            color: n.visible ? (depthColors[Math.min(n.depth, depthColors.length - 1)] ?? hiddenColor) : hiddenColor,
          },
          value: n.depth,
        })),
        // An edge to a node the server left out (cap reached) would break the layout; those are dropped.
        links: network.edges
          .filter((e) => ids.has(e.from) && ids.has(e.to))
          .map((e) => ({ source: e.from, target: e.to, name: labels.linkType(e.type) })),
      },
    ],
  };
}
