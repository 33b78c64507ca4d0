import { describe, expect, it } from 'vitest';
import { networkOption } from './network.ts';

describe('network graph', () => {
  it('names visible nodes only, sizes by depth and drops edges to nodes past the cap', () => {
    const option = networkOption(
      {
        nodes: [
          { id: 'me', kind: 'person', name: 'Mei', visible: true, depth: 0 },
          { id: 'acme', kind: 'organization', name: 'Acme', visible: true, depth: 1 },
          { id: 'x', kind: null, name: null, visible: false, depth: 2 },
        ],
        edges: [
          { id: 'e1', from: 'me', to: 'acme', type: 'works_at' },
          { id: 'e2', from: 'x', to: 'acme', type: 'supplies' },
          { id: 'e3', from: 'acme', to: 'me', type: 'partner_of' },
          { id: 'e4', from: 'acme', to: 'gone', type: 'supplies' },
        ],
        truncated: true,
      },
      'me',
      { hidden: 'A party you cannot see', linkType: (t) => `L:${t}` },
    );
    const [series] = option.series as {
      data: { id: string; name: string; symbolSize: number }[];
      links: { source: string; target: string; name: string }[];
    }[];
    expect(series?.data.map((d) => [d.name, d.symbolSize])).toEqual([
      ['Mei', 28],
      ['Acme', 16],
      ['A party you cannot see', 12],
    ]);
    // A cycle (me → acme → me) is drawn as two edges; the edge to a node left out is dropped.
    expect(series?.links).toEqual([
      { source: 'me', target: 'acme', name: 'L:works_at' },
      { source: 'x', target: 'acme', name: 'L:supplies' },
      { source: 'acme', target: 'me', name: 'L:partner_of' },
    ]);
  });
});
