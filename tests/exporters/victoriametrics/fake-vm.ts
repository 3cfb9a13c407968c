/**
 * An in-memory VictoriaMetrics behind an injected `fetch`, for the exporter's unit tests: it keeps every
 * imported sample like the real one (duplicates included), deletes a whole series, serves `/flags` and
 * `/api/v1/export` for an exact selector. `requests` records the paths called.
 */
export interface FakeVm {
  fetch: typeof fetch;
  requests: string[];
  /** selector → samples as imported (in order, duplicates kept). */
  series: Map<string, { t: number; v: number }[]>;
  /** HTTP status answered to every request (e.g. 401), or null to work. */
  failWith: number | null;
  retention: string;
  /** Acknowledge the next import without keeping it (a crash before the buffer reached the disk). */
  loseNextImport: boolean;
}

export function fakeVm(): FakeVm {
  const vm: FakeVm = {
    requests: [],
    series: new Map(),
    failWith: null,
    retention: '100y',
    loseNextImport: false,
    fetch: null as never,
  };
  vm.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    vm.requests.push(url.pathname);
    if (vm.failWith) return new Response('no', { status: vm.failWith });
    const body = typeof init?.body === 'string' ? init.body : init?.body ? String(init.body) : '';
    switch (url.pathname) {
      case '/flags':
        return new Response(`-retentionPeriod="${vm.retention}"\n`);
      case '/internal/force_flush':
        return new Response('');
      case '/api/v1/import/prometheus':
        if (vm.loseNextImport) {
          vm.loseNextImport = false;
          return new Response(null, { status: 204 });
        }
        for (const line of body.split('\n').filter(Boolean)) {
          const [, id, v, t] = /^(.*}) (\S+) (\d+)$/.exec(line)!;
          vm.series.set(id!, [...(vm.series.get(id!) ?? []), { t: Number(t), v: Number(v) }]);
        }
        return new Response(null, { status: 204 });
      case '/api/v1/admin/tsdb/delete_series':
        vm.series.delete(new URLSearchParams(body).get('match[]')!);
        return new Response(null, { status: 204 });
      case '/api/v1/export': {
        const id = url.searchParams.get('match[]')!;
        const from = Number(url.searchParams.get('start')) * 1000;
        const to = Number(url.searchParams.get('end')) * 1000;
        const samples = (vm.series.get(id) ?? []).filter((s) => s.t >= from && s.t <= to);
        const line = { metric: {}, values: samples.map((s) => s.v), timestamps: samples.map((s) => s.t) };
        return new Response(samples.length ? `${JSON.stringify(line)}\n` : '');
      }
      default:
        return new Response('not found', { status: 404 });
    }
  }) as typeof fetch;
  return vm;
}
