/** The roles an account holds (one each). The same roles serve every realm; a realm may use fewer. */
export const ROLES = ['admin', 'support', 'risk', 'finance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an endpoint belongs to. An endpoint names its area; reading it (GET) needs `read`, anything
 * else needs `write`.
 */
export const AREAS = ['journal', 'terminals', 'reversals', 'antifraud', 'settlement', 'agents', 'operators', 'audit'] as const;
export type Area = (typeof AREAS)[number];

export type Access = 'read' | 'write';

const R = 'read';
const W = 'write';
const _ = undefined;

/**
 * Least privilege, one line per role (`write` includes `read`; blank: nothing). The audit log is
 * written by the platform only: nobody writes it, auditors and admins read it.
 */
// prettier-ignore
export const PERMISSION_TABLE: Readonly<Record<Role, Readonly<Record<Area, Access | undefined>>>> = {
  //         journal     terminals     reversals     antifraud     settlement     agents     operators     audit
  admin:   { journal: R, terminals: W, reversals: W, antifraud: W, settlement: W, agents: W, operators: W, audit: R },
  support: { journal: R, terminals: R, reversals: W, antifraud: _, settlement: _, agents: _, operators: _, audit: _ },
  risk:    { journal: R, terminals: _, reversals: _, antifraud: W, settlement: _, agents: _, operators: _, audit: _ },
  finance: { journal: R, terminals: _, reversals: _, antifraud: _, settlement: W, agents: W, operators: _, audit: _ },
  auditor: { journal: R, terminals: R, reversals: R, antifraud: R, settlement: R, agents: R, operators: R, audit: R },
};

/** Whether `role` may `access` `area`. */
export function permits(role: Role, area: Area, access: Access): boolean {
  const granted = PERMISSION_TABLE[role][area];
  return granted === 'write' || granted === access;
}

/** `settlement:write`: how a permission is named in a 403 and in the audit log. */
export const permissionName = (area: Area, access: Access): string => `${area}:${access}`;

/** GET and HEAD read; every other method writes. */
export const accessOfMethod = (method: string): Access => (method === 'GET' || method === 'HEAD' ? 'read' : 'write');

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
