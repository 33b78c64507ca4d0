import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { ApiError, errorFromResponse } from '../../../api/errors.ts';
import { buildQuery } from '../../../api/query.ts';
import type { ImportJob, ImportPreview, StartImport } from '../../../api/types.ts';
import { parseErrorReport, type ErrorRow } from './errorReport.ts';
import { isActive } from './progress.ts';
import type { ImportEntity } from './roles.ts';

export const importsEndpoint = '/api/imports';
export const importKey = (id: string) => ['imports', id] as const;
export const errorReportUrl = (id: string) => `${importsEndpoint}/${id}/errors.csv`;

/** Text encodings the user may force for a CSV (the server detects one; these are the usual Chinese Excel ones). */
export const encodingChoices = ['utf-8', 'gb18030', 'utf-16le'] as const;

const contentTypeOf = (file: File): string => {
  if (/\.xlsx$/i.test(file.name)) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return /\.(csv|txt|tsv)$/i.test(file.name) ? 'text/csv' : 'application/octet-stream';
};

export interface UploadOptions {
  entity: ImportEntity;
  encoding?: string | null;
  csrfToken: string;
  acceptLanguage?: string;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * `POST /api/imports`: the file as the raw request body (the server streams it to disk under its own
 * size limit). XMLHttpRequest, not fetch, so the bar can show the upload itself.
 */
export function uploadImport(file: File, opts: UploadOptions): Promise<ImportPreview> {
  const url =
    importsEndpoint + buildQuery({ entity: opts.entity, fileName: file.name, encoding: opts.encoding ?? undefined });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', opts.csrfToken);
    if (opts.acceptLanguage) {
      xhr.setRequestHeader('accept-language', opts.acceptLanguage);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        opts.onProgress?.(e.loaded / e.total);
      }
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as ImportPreview);
      } else {
        void errorFromResponse(response).then(reject);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

export const startImport = (id: string, body: StartImport) =>
  api<ImportJob>(`${importsEndpoint}/${id}/start`, { method: 'POST', body });
export const revertImport = (id: string) =>
  api<{ job: ImportJob; removed: number; restored: number }>(`${importsEndpoint}/${id}/revert`, { method: 'POST' });

/** An import, polled every second while it is queued or running. */
export function useImportJob(id: string | null | undefined, initial?: ImportJob) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: ({ signal }) => api<ImportJob>(`${importsEndpoint}/${id}`, { signal }),
    enabled: Boolean(id),
    initialData: initial && initial.id === id ? initial : undefined,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1000 : false),
  });
}

/** The error report of a finished import, read from its CSV (there is no JSON form). */
export function useImportErrors(id: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...importKey(id ?? ''), 'errors'],
    queryFn: async ({ signal }): Promise<ErrorRow[]> => {
      const res = await fetch(errorReportUrl(id ?? ''), { credentials: 'same-origin', signal });
      if (!res.ok) {
        throw await errorFromResponse(res);
      }
      return parseErrorReport(await res.text());
    },
    enabled: Boolean(id) && enabled,
  });
}
