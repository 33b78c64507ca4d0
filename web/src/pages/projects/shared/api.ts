// Relationship projects (docs/projects.md): TanStack Query hooks over /api/projects. Types come from the server.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type {
  BurnDown,
  CloseProject,
  CreateProject,
  Project,
  ProjectListItem,
  UpdateProject,
} from '@tandem/server/api';
import { projectKinds, projectStatuses, projectMoves } from '@tandem/server/api';

export type { BurnDown, Project, ProjectListItem };
export { projectRoles } from './types.ts';
export { projectKinds, projectStatuses, projectMoves };

export const projectsKey = ['projects'] as const;
export const invalidateProjects = (qc: QueryClient) => qc.invalidateQueries({ queryKey: projectsKey });

export function useProjects() {
  return useQuery({
    queryKey: [...projectsKey, 'list'],
    queryFn: ({ signal }) => api<{ items: ProjectListItem[] }>('/api/projects', { signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: [...projectsKey, id],
    queryFn: ({ signal }) => api<Project>(`/api/projects/${id}`, { signal }),
  });
}

export function useBurnDown(id: string) {
  return useQuery({
    queryKey: [...projectsKey, id, 'burn-down'],
    queryFn: ({ signal }) => api<BurnDown>(`/api/projects/${id}/burn-down`, { signal }),
  });
}

export const createProject = (body: CreateProject) => api<Project>('/api/projects', { method: 'POST', body });
export const updateProject = (id: string, body: UpdateProject) =>
  api<Project>(`/api/projects/${id}`, { method: 'PATCH', body });
export const addCost = (id: string, body: { amount: string; spentOn: string; note?: string | null }) =>
  api<Project>(`/api/projects/${id}/costs`, { method: 'POST', body });
export const closeProject = (id: string, body: CloseProject) =>
  api<Project>(`/api/projects/${id}/close`, { method: 'POST', body });
