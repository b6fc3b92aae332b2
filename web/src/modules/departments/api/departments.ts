import { api } from '../../../app/api/client.ts';
import type { Department, Page } from '../../../app/api/types.ts';

export const departmentsQuery = {
  queryKey: ['departments', 'all'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get<Page<Department>>('/departments', { limit: 200, sort: 'sortOrder' }, signal).then((p) => p.data),
};

export interface DepartmentNode {
  key: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/** parentId links → a tree ordered by sortOrder then name; orphans (parent deleted) become roots. */
export function departmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map(
    departments.map((d) => [d.id, { key: d.id, title: d.name, department: d, children: [] as DepartmentNode[] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.sortOrder - b.department.sortOrder || a.title.localeCompare(b.title));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The department and everything under it (a department cannot move into its own subtree). */
export const subtreeIds = (departments: readonly Department[], id: string) =>
  new Set(departments.filter((d) => d.path.includes(`/${id}/`)).map((d) => d.id));
