/** The demo tenant's departments and users. */
import { newId } from '../../common/ids.ts';
import { mobilePhone } from './chinese-data.ts';
import { addDays, shanghaiDate } from './random.ts';
import { baseColumns, type Row, type SeedContext } from './seed-context.ts';

export const demoUsernames = ['admin', 'manager', 'sales1', 'sales2', 'intern', 'legal', 'finance'] as const;
export type DemoUsername = (typeof demoUsernames)[number];

export const departmentNames = ['总部', '华东销售部', '销售一组', '法务部', '财务部'] as const;
export type DepartmentName = (typeof departmentNames)[number];

interface DepartmentSpec {
  name: DepartmentName;
  parent: DepartmentName | null;
}

const departmentSpecs: readonly DepartmentSpec[] = [
  { name: '总部', parent: null },
  { name: '华东销售部', parent: '总部' },
  { name: '销售一组', parent: '华东销售部' },
  { name: '法务部', parent: '总部' },
  { name: '财务部', parent: '总部' },
];

interface UserSpec {
  username: DemoUsername;
  displayName: string;
  department: DepartmentName;
  role: 'admin' | 'member';
  manager: DemoUsername | null;
  /** Days before `now` the user was hired; 0 = today. */
  hiredDaysAgo: number;
}

const userSpecs: readonly UserSpec[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    department: '总部',
    role: 'admin',
    manager: null,
    hiredDaysAgo: 2190,
  },
  {
    username: 'manager',
    displayName: '王建国',
    department: '华东销售部',
    role: 'member',
    manager: 'admin',
    hiredDaysAgo: 1826,
  },
  {
    username: 'sales1',
    displayName: '李娜',
    department: '销售一组',
    role: 'member',
    manager: 'manager',
    hiredDaysAgo: 912,
  },
  {
    username: 'sales2',
    displayName: '张伟',
    department: '销售一组',
    role: 'member',
    manager: 'manager',
    hiredDaysAgo: 487,
  },
  {
    username: 'intern',
    displayName: '陈小雨',
    department: '销售一组',
    role: 'member',
    manager: 'manager',
    hiredDaysAgo: 0,
  },
  {
    username: 'legal',
    displayName: '刘思远',
    department: '法务部',
    role: 'member',
    manager: 'admin',
    hiredDaysAgo: 1340,
  },
  {
    username: 'finance',
    displayName: '赵敏',
    department: '财务部',
    role: 'member',
    manager: 'admin',
    hiredDaysAgo: 1565,
  },
];

export interface DemoOrganisation {
  departments: Record<DepartmentName, string>;
  users: Record<DemoUsername, string>;
  departmentRows: Row<'departments'>[];
  userRows: Row<'users'>[];
}

/**
 * Builds the department tree (paths are `/<root id>/…/<own id>/`) and the seven demo users.
 * The admin id is fixed up front because every other row is created by the admin.
 */
export function buildOrganisation(ctx: SeedContext, slug: string, passwordHash: string): DemoOrganisation {
  const random = ctx.random.derive('organisation');
  const founded = addDays(ctx.now, -2200);

  const departments = {} as Record<DepartmentName, string>;
  const paths = new Map<DepartmentName, string>();
  const departmentRows = departmentSpecs.map((spec, index) => {
    const row = { ...baseColumns(ctx, founded), name: spec.name, sort_order: index };
    const parentPath = spec.parent ? paths.get(spec.parent)! : '/';
    paths.set(spec.name, `${parentPath}${row.id}/`);
    departments[spec.name] = row.id;
    return { ...row, parent_id: spec.parent ? departments[spec.parent] : null, path: paths.get(spec.name)! };
  });

  const users = {} as Record<DemoUsername, string>;
  for (const spec of userSpecs) users[spec.username] = spec.username === 'admin' ? ctx.adminId : newId();
  const usedPhones = new Set<string>();
  const userRows = userSpecs.map((spec, index): Row<'users'> => {
    const hired = addDays(ctx.now, -spec.hiredDaysAgo);
    const phone = mobilePhone(random, usedPhones);
    return {
      ...baseColumns(ctx, spec.hiredDaysAgo === 0 ? ctx.now : hired),
      id: users[spec.username],
      username: spec.username,
      display_name: spec.displayName,
      employee_no: `E${String(index + 1).padStart(4, '0')}`,
      department_id: departments[spec.department],
      manager_id: spec.manager ? users[spec.manager] : null,
      hire_date: shanghaiDate(hired),
      phone: phone.entered,
      phone_e164: phone.e164,
      email: `${spec.username}@${slug}.example.com`,
      role: spec.role,
      password_hash: passwordHash,
    };
  });

  return { departments, users, departmentRows, userRows };
}
